using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Sources;
using Omtanke.Core.Targets;
using Omtanke.Web.Accounts;
using Omtanke.Web.Presentation;

namespace Omtanke.Web.Pages;

/// <summary>Mål: every indicator's target in force and its history; administrators set and remove targets.</summary>
public sealed class MalModel(NpgsqlDataSource db, IAuthorizationService authorization) : PageModel
{
    public List<Target> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public string Indicator { get; set; } = "";
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string Direction { get; set; } = "at_least";
    [BindProperty] public string From { get; set; } = "";
    [BindProperty] public bool Remove { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded) return Forbid();
        decimal? value = null;
        if (IndicatorCatalog.Find(Indicator) is null) Error = "Välj en indikator.";
        else if (Periods.Month(From) is not { } from)
            Error = $"Ange från vilken månad målet gäller som {Periods.MonthFormatHint}.";
        else if (!Remove && !TryNumber(Value, out value))
            Error = "Ange målvärdet som ett tal, till exempel 80 eller 2,5.";
        else if (Direction is not ("at_least" or "at_most"))
            Error = "Välj riktning.";
        else
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await TargetStore.SetAsync(conn, Indicator, Remove ? null : value,
                Direction == "at_least" ? TargetDirection.AtLeast : TargetDirection.AtMost, from, Viewer.Of(User).Name, ct);
            Saved = Remove ? $"Målet för {Indicator} är borttaget från {From}." : $"Målet för {Indicator} gäller från {From}.";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        await using var conn = await db.OpenConnectionAsync(ct);
        History = await TargetStore.HistoryAsync(conn, ct);
    }

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }
}
