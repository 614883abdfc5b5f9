namespace Passerelle.Features.Financer.Deliberations.Lecture;

public static class ServicesLecture
{
    /// <summary>The act reader and the PDF text extractor: stateless, shared.</summary>
    public static void AddLectureActes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ILecteurActes, LecteurActes>();
        builder.Services.AddSingleton<IExtracteurTextePdf, ExtracteurTextePdf>();
    }
}
