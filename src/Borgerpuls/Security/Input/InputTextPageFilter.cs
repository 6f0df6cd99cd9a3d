using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Borgerpuls.Security.Input;

/// <summary>The text rule of <see cref="InputTextGuard"/> for the fields of a file upload to a page, checked once the page's
/// form limits have let the form be read; the upload itself is the file, not text, and is not checked here.</summary>
internal sealed class InputTextPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // Not on the error page re-executed for this very refusal.
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && request.HasFormContentType && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
            && InputTextGuard.FirstUnclean(request.Form.Select(f => (f.Key, f.Value))) is { } field)
        {
            InputTextGuard.Refuse(context.HttpContext, field);
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        await next();
    }
}
