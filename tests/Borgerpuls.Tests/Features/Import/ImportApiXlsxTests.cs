using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Borgerpuls.Security;
using Borgerpuls.Tests.Features.Import.Reading;
using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Features.Import;

public sealed partial class ImportApiTests
{
    [Fact]
    public async Task A_workbook_with_a_huge_row_is_refused_as_unreadable_with_its_line_and_nothing_written()
    {
        var client = await _app.SignedInClientAsync(Roles.Analyst);
        // Line 2 is a valid response; the import is all or nothing, so it must not be written either.
        var workbook = HostileSheets.HugeRow(["respondent_id", "jobcenter", "samtale"],
            "<c t=\"inlineStr\"><is><t>r1</t></is></c><c t=\"inlineStr\"><is><t>jc-nord</t></is></c><c><v>5</v></c>");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client)), "__RequestVerificationToken" },
            { new StringContent("vive-7"), "instrument" },
        };
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "vive.xlsx");

        var response = await client.PostAsync("/api/v1/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("file").EnumerateArray()).GetString();
        Assert.StartsWith("Række 3 har mere end 16384 celler", message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());
    }
}
