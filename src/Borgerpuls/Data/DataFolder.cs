namespace Borgerpuls.Data;

/// <summary>Where Borgerpuls keeps its own files (the SQLite database, the deployment key) when no setting names them:
/// <c>BORGERPULS_DATA</c>, else the user's local application data folder (<c>~/.local/share/borgerpuls</c> on Linux,
/// <c>%LOCALAPPDATA%\borgerpuls</c> on Windows). Never the working directory: the web app and every verb, started from any
/// folder, must find the same database and the same key (ADR 0014).</summary>
public static class DataFolder
{
    public const string Variable = "BORGERPULS_DATA";

    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            {
                return System.IO.Path.GetFullPath(configured);
            }
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            // A service account without a home folder has no such folder; the folder the program was installed in is as
            // stable.
            return System.IO.Path.Combine(local.Length > 0 ? local : AppContext.BaseDirectory, "borgerpuls");
        }
    }
}
