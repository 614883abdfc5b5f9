using Microsoft.EntityFrameworkCore;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Data;

public class MigrationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The model and the last migration of the database under test agree: a change to an entity without
    /// <c>scripts/add-migration.sh</c> fails here (the same check as <c>dotnet ef migrations has-pending-model-changes</c>).</summary>
    [Fact]
    public async Task Le_modele_n_a_aucun_changement_sans_migration()
    {
        var enAttente = await app.AvecDb(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        enAttente.ShouldBeFalse();
    }
}
