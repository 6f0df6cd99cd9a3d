using System.Net;
using System.Text.RegularExpressions;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Citizens answering invitations through the invitation page, each on their own phone (client).</summary>
public static partial class InvitationAnswers
{
    public static async Task AnswerAsync(this BorgerpulsApp app, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            var citizen = app.CreateClient(new() { HandleCookies = true });
            var page = await citizen.GetStringAsync($"/i/{token}");
            var id = IdPattern().Match(page).Groups[1].Value;
            var answered = await citizen.PostAsync($"/i/{token}", await StaffLogin.FormAsync(citizen, $"/i/{token}", new() { ["id"] = id, ["a.hoert"] = "4" }));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }

    [GeneratedRegex("name=\"id\" value=\"([^\"]+)\"")]
    private static partial Regex IdPattern();
}
