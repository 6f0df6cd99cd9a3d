using Microsoft.Playwright;

namespace Borgerpuls.BrowserTests;

/// <summary>Checks shared by the citizen-page tests: axe-core (WCAG 2.1 A/AA rules) and the 44×44 CSS px touch targets.</summary>
public static class Accessibility
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");
        await page.AddScriptTagAsync(new() { Path = Path.GetFullPath(axe) });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
    }

    /// <summary>Visible controls a finger must hit (buttons, selects, text fields and the labels that carry radio buttons and
    /// check boxes) smaller than 44×44 CSS px, described for the failure message.</summary>
    public static async Task<IReadOnlyList<string>> SmallTouchTargetsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll("button, select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), label.option"))
                .filter(e => e.offsetParent !== null)
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width < 44 || r.height < 44)
                .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} ${Math.round(r.width)}×${Math.round(r.height)}`)
            """);
}
