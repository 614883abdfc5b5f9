using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Passerelle.Web;

/// <summary>
/// Dates accepted from outside (query strings, forms, JSON): 1 January 1900 to 31 December 2199. Nothing in the programme
/// (bookings, records, conventions, statistics) lives outside it, and the calendar arithmetic done on a date (a week, a month
/// around it) must never overflow <see cref="DateOnly.MaxValue"/> into a 500. The API answers 400 ValidationProblem naming the
/// field; a page answers the 400 error page. Checked on the arguments of every API endpoint and page handler and, one level
/// down, on the date properties of the records they receive.
/// </summary>
public static class BornesDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);
    public const string Message = "Cette date est hors des limites acceptées (de l'an 1900 à l'an 2199).";

    static bool Hors(DateOnly d) => d < Min || d > Max;

    /// <summary>True when the value is a date (DateOnly, DateTime, DateTimeOffset) outside the bounds.</summary>
    public static bool EstHors(object? v) => v switch
    {
        DateOnly d => Hors(d),
        DateTime t => Hors(DateOnly.FromDateTime(t)),
        DateTimeOffset o => Hors(DateOnly.FromDateTime(o.UtcDateTime)),
        _ => false,
    };

    /// <summary>The name of the first out-of-bounds date among this value and its public date properties, or null.</summary>
    public static string? Champ(string nom, object? v)
    {
        if (v is null) return null;
        if (EstHors(v)) return nom;
        var type = v.GetType();
        if (type.IsPrimitive || type.IsEnum || v is string || v is System.Collections.IEnumerable || type.Namespace?.StartsWith("Microsoft.") == true
            || type.Namespace?.StartsWith("System") == true) return null;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (p.GetIndexParameters().Length == 0 && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) && EstHors(p.GetValue(v)))
                return p.Name;
        }
        return null;
    }

    /// <summary>Endpoint filter for the API group: 400 ValidationProblem on the first out-of-bounds date argument.</summary>
    public static async ValueTask<object?> FiltreApi(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var parametres = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < ctx.Arguments.Count; i++)
            if (Champ(parametres is not null && i < parametres.Length ? parametres[i].Name ?? "date" : "date", ctx.Arguments[i]) is { } champ)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [champ] = [Message] }, title: "Date hors limites");
        return await next(ctx);
    }
}

/// <summary>The same bounds for pages: a handler argument or a bound property out of bounds answers the 400 error page.</summary>
public sealed class FiltreBornesDatesPages : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var hors = context.HandlerArguments.Any(a => BornesDates.Champ(a.Key, a.Value) is not null)
            || context.HandlerInstance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null && p.GetIndexParameters().Length == 0)
                .Any(p => BornesDates.Champ(p.Name, p.GetValue(context.HandlerInstance)) is not null);
        if (hors) { context.Result = new BadRequestResult(); return; }
        await next();
    }
}
