using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Omtanke.Web.Pages;

/// <summary>The error page: says what the user can do, and nothing about the service's insides.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FelModel : PageModel
{
    public int Code { get; private set; }

    public string Message => Code switch
    {
        404 => "Sidan finns inte. Kontrollera adressen eller gå till översikten.",
        403 => "Du har inte behörighet till den här sidan. Be en administratör om en annan roll om du behöver den.",
        400 => "Begäran kunde inte tas emot. Ladda om sidan och försök igen.",
        413 => "Filen är för stor.",
        _ => "Något gick fel hos oss. Försök igen om en stund; kvarstår felet, kontakta förvaltningen.",
    };

    public void OnGet(int? code) => Code = code ?? 500;
    public void OnPost(int? code) => Code = code ?? 500;
}
