using Borgerpuls.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Borgerpuls.Features.Health;

/// <summary>When a request fails because the database cannot be reached, the answer says when to try again. The status
/// (503) comes from the exception handler's status selector (<see cref="StatusFor"/>); the body stays the usual one —
/// problem+json for the API, the error page for people.</summary>
internal sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public static int StatusFor(Exception e) =>
        DatabaseUnavailable.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    public ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (DatabaseUnavailable.Is(exception))
        {
            http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning("Database unavailable: {Method} {Path} answered 503", http.Request.Method, http.Request.Path);
            DatabaseUnavailable.ForgetDeadConnections(exception);
        }
        // Not handled: the usual problem+json or error page is written, with the status chosen above.
        return ValueTask.FromResult(false);
    }
}
