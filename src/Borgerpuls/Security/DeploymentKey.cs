using System.Collections.Concurrent;
using System.Security.Cryptography;
using Borgerpuls.Data;

namespace Borgerpuls.Security;

/// <summary>The secret of one deployment: it keys the identifiers Borgerpuls derives from outside data (imported response
/// ids from the vendor's respondent ids), so that nobody without it can test guesses against them. It lives in a file, not in
/// the database, so that a copy of the database alone (a backup, a dump handed to a supplier) does not hold it.</summary>
/// <remarks>Where: the file named by <c>BORGERPULS_KEY_FILE</c>; otherwise <c>borgerpuls.key</c> next to the SQLite file,
/// or in the data folder (<see cref="DataFolder"/>) with PostgreSQL. Created (32 random bytes, base64, readable
/// by the owner only) the first time it is needed. Every instance and the command line of one deployment must use the same
/// file (with several instances: point <c>BORGERPULS_KEY_FILE</c> at one shared secret), and it must be backed up apart from
/// the database: without it, a re-import cannot recognise the respondents already imported.</remarks>
public static class DeploymentKey
{
    public const string FileVariable = "BORGERPULS_KEY_FILE";
    public const string FileName = "borgerpuls.key";
    private const int Bytes = 32;

    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    public static string PathFor(DatabaseSetup.Target target)
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        if (target.Provider == DatabaseProvider.Sqlite) return Path.Combine(Path.GetDirectoryName(target.Display)!, FileName);
        // Earlier versions kept the PostgreSQL deployment's key under the working folder; a key already there stays in use,
        // since a new one would not recognise the respondents imported with it.
        var shared = Path.Combine(DataFolder.Path, FileName);
        var earlier = Path.GetFullPath(Path.Combine("data", FileName));
        return !File.Exists(shared) && File.Exists(earlier) ? earlier : shared;
    }

    public static byte[] For(DatabaseSetup.Target target) => Loaded.GetOrAdd(PathFor(target), LoadOrCreate);

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The key file {path} does not hold a base64 key; restore it from its backup.");
        }
        return key.Length >= Bytes ? key : throw new InvalidOperationException($"The key in {path} is shorter than {Bytes} bytes; restore it from its backup.");
    }

    // Written whole under another name, then moved into place without overwriting: two processes starting at once both end up
    // with the one that got there first.
    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path: temporary, options))
        {
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)));
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
