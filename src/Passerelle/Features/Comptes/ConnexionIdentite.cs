using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Passerelle.Features.Comptes;

/// <summary>A sign-in refused without checking the password because the attempt comes too soon after repeated failures
/// (see <see cref="DelaisConnexion"/>).</summary>
public sealed class ConnexionRetardee : SignInResult
{
    public ConnexionRetardee(TimeSpan attente) => Attente = attente;
    /// <summary>Time left before the next attempt is heard.</summary>
    public TimeSpan Attente { get; }
    public override string ToString() => "TooSoon";
}

/// <summary>Identity's sign-in, used by the pages and by POST /api/v1/auth/login alike, with three changes: a failed
/// password or code never locks the account (an attacker could lock anyone's), it delays the next attempts of that
/// account from that address instead; an unknown address, an account still without password and a deactivated
/// account cost one password hash, as a wrong password does, so the answer time does not tell them apart; a success
/// clears the delays of the pair.</summary>
public sealed class ConnexionIdentite(UserManager<IdentityUser> users, IHttpContextAccessor acces, IUserClaimsPrincipalFactory<IdentityUser> fabrique,
    IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> journal, IAuthenticationSchemeProvider schemas,
    IUserConfirmation<IdentityUser> confirmation, DelaisConnexion delais)
    : SignInManager<IdentityUser>(users, acces, fabrique, options, journal, schemas, confirmation)
{
    /// <summary>A hash of a random password, checked when there is no real hash to check.</summary>
    static readonly string HachageFactice = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Comptes.GenererMotDePasse());

    static long _hachagesFactices;
    /// <summary>Number of hashes made for nothing since start (the tests check that an unknown address takes this path).</summary>
    public static long HachagesFactices => Interlocked.Read(ref _hachagesFactices);

    string Adresse => DelaisConnexion.Adresse(Context);

    void HacherPourRien(string motDePasse)
    {
        Interlocked.Increment(ref _hachagesFactices);
        UserManager.PasswordHasher.VerifyHashedPassword(new IdentityUser(), HachageFactice, motDePasse);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var email = userName.Trim();
        if (delais.Attente(email, Adresse) is { } attente) return new ConnexionRetardee(attente);
        var u = await UserManager.FindByEmailAsync(email);
        if (u is not null) return await PasswordSignInAsync(u, password, isPersistent, lockoutOnFailure);
        HacherPourRien(password);
        delais.NoterEchec(email, Adresse);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(IdentityUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var email = user.Email ?? user.UserName ?? "";
        if (delais.Attente(email, Adresse) is { } attente) return new ConnexionRetardee(attente);
        var r = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        // A right password waiting for its code clears nothing: the code step has its own failures to count.
        if (!r.RequiresTwoFactor) Noter(email, r);
        return r;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(IdentityUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses these before hashing: hash anyway, so that they answer in the time of a wrong password.
        if (user.PasswordHash is null || await IsLockedOut(user)) HacherPourRien(password);
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } u) return SignInResult.Failed;
        var email = u.Email ?? u.UserName ?? "";
        if (delais.Attente(email, Adresse) is { } attente) return new ConnexionRetardee(attente);
        var r = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        Noter(email, r);
        return r;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } u) return SignInResult.Failed;
        var email = u.Email ?? u.UserName ?? "";
        if (delais.Attente(email, Adresse) is { } attente) return new ConnexionRetardee(attente);
        var r = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        Noter(email, r);
        return r;
    }

    void Noter(string email, SignInResult r)
    {
        if (r.Succeeded) delais.NoterSucces(email, Adresse);
        else delais.NoterEchec(email, Adresse);
    }
}
