using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>The CSV columns of people files (import template and export) and the template itself, with two example lines.</summary>
public static class ModeleFichesCsv
{
    public static readonly string[] Colonnes = ["suivi", "prenom", "nom", "telephone", "courriel", "annee_naissance", "genre", "statut", "commune", "code_postal", "code_qpv", "consentement", "notes"];

    public static string Executer() => Csv.Ecrire(
    [
        Colonnes,
        ["oui", "Camille", "Exemple", "06 12 34 56 78", "", "1956", "Féminin", "Retraité", "Port-Saint-Louis-du-Rhône", "13230", "QN01371N", "oui", ""],
        ["non", "", "", "", "", "1990", "Masculin", "Sans emploi", "Arles", "13200", "", "", ""],
    ]);
}
