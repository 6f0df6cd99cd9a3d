using System.Text.Json;
using Borgerpuls.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Borgerpuls.Security.Input;

/// <summary>Refuses a request whose address, query, form fields or JSON body holds text that breaks <see cref="CleanText"/>,
/// before any handler runs: one rule for every page and endpoint, so none can pass a NUL on to the database and fail with a
/// 500 after half its work. The person gets 400 naming the field (a page in their language, or problem+json from the API);
/// nothing is written. Citizen answers are the exception: the ingest endpoint checks each answer's comment itself, so that
/// one broken item in a kiosk's queue costs only that item, not the valid answers beside it.</summary>
internal static class InputTextGuard
{
    /// <summary>Where a refused page request leaves the field's name for the error page it is re-executed on.</summary>
    public const string RefusedField = "input-text-refused-field";

    private const int MaxJsonBytes = 1024 * 1024;

    public static IApplicationBuilder UseInputTextGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // The error page, re-executed on this same request, must not be refused for the same text.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        var field = FirstUnclean(http.Request);
        if (field is null && http.Request.HasFormContentType && !IsPageUpload(http))
        {
            field = await FirstUncleanFormAsync(http.Request, http.RequestAborted);
        }
        else if (field is null && IsCheckedJson(http.Request))
        {
            field = await FirstUncleanJsonAsync(http.Request, http.RequestAborted);
        }
        if (field is null)
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [t["Input.ControlCharacters", field]] },
                title: t["Input.ControlCharactersTitle"]).ExecuteAsync(http);
            return;
        }
        Refuse(http, field);
    });

    /// <summary>The status code pages re-execute /error on the same request, which shows the field from here.</summary>
    public static void Refuse(HttpContext http, string field)
    {
        http.Items[RefusedField] = field;
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>A file upload to a page: its form may only be read after the page's own limits (up to 210 MB for the import
    /// wizard) are applied, so <see cref="InputTextPageFilter"/> checks it there instead.</summary>
    private static bool IsPageUpload(HttpContext http) =>
        http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
        && http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null;

    private static string? FirstUnclean(HttpRequest request)
    {
        if (!CleanText.IsClean(request.Path.Value)) return "path";
        return FirstUnclean(request.Query.Select(q => (q.Key, q.Value)));
    }

    public static string? FirstUnclean(IEnumerable<(string Key, StringValues Values)> fields)
    {
        foreach (var (key, values) in fields)
        {
            if (!CleanText.IsClean(key)) return "?";
            foreach (var value in values)
            {
                if (value is not null && !CleanText.IsClean(value)) return key;
            }
        }
        return null;
    }

    private static async Task<string?> FirstUncleanFormAsync(HttpRequest request, CancellationToken ct)
    {
        var encoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (encoded) request.EnableBuffering();
        try
        {
            return FirstUnclean((await request.ReadFormAsync(ct)).Select(f => (f.Key, f.Value)));
        }
        catch (InvalidDataException) when (encoded)
        {
            // The framework's form reader refuses a NUL without saying where; read the fields again to name the one.
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var fields = (await reader.ReadToEndAsync(ct)).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => (Decode(kv[0]), new StringValues(kv.Length > 1 ? Decode(kv[1]) : "")));
            return FirstUnclean(fields) ?? "?";
        }
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static bool IsCheckedJson(HttpRequest request) =>
        request.HasJsonContentType()
        && request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/v1/responses")
        && request.ContentLength is null or <= MaxJsonBytes;

    /// <summary>The name of the first member whose string value (or the member name itself) is unclean; malformed JSON is left
    /// to the endpoint, which says what is wrong with it.</summary>
    private static async Task<string?> FirstUncleanJsonAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        request.Body.Position = 0;
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var member = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
                var text = reader.GetString();
                if (text is not null && !CleanText.IsClean(text)) return reader.TokenType == JsonTokenType.PropertyName ? "body" : member;
                if (reader.TokenType == JsonTokenType.PropertyName) member = text ?? member;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escaped as \uD800 cannot be turned into a string: that is unclean too.
            return member;
        }
        return null;
    }
}
