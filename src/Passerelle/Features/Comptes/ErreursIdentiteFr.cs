using Microsoft.AspNetCore.Identity;

namespace Passerelle.Features.Comptes;

/// <summary>Identity's messages in French.</summary>
public sealed class ErreursIdentiteFr : IdentityErrorDescriber
{
    static IdentityError E(string code, string message) => new() { Code = code, Description = message };
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Le mot de passe doit comporter au moins {length} caractères.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresUniqueChars(int n) => E(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {n} caractères différents.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Un compte existe déjà pour {email}.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Un compte existe déjà pour {userName}.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"L'adresse « {email} » n'est pas valide.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"L'identifiant « {userName} » n'est pas valide.");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Une erreur est survenue.");
}
