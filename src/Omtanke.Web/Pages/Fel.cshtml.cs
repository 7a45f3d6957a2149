using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Pages;

/// <summary>The error page: says what the user can do, and nothing about the service's insides.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FelModel(WebOptions options) : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        404 => "Sidan finns inte",
        403 => "Ingen behörighet",
        413 => "Filen är för stor",
        429 => "Försök igen om en stund",
        _ => "Något gick fel",
    };

    public string Message => ErrorResponses.Message(Code, options);

    // After an exception the handler has set the status the exception stands for; the route's code is absent then.
    public void OnGet(int? code) => Code = code ?? Response.StatusCode;
    public void OnPost(int? code) => Code = code ?? Response.StatusCode;
}
