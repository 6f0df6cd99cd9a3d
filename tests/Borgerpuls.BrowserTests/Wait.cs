namespace Borgerpuls.BrowserTests;

/// <summary>Waiting for what the server or the page does in the background (deliveries, heartbeats), on a loaded machine.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, int seconds = 40)
    {
        for (var i = 0; i < seconds * 5 && !condition(); i++) await Task.Delay(200);
        Assert.True(condition());
    }
}
