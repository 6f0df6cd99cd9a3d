using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Import;

/// <summary>The import reports in English (a file's problems go to whoever prepares the file, often from the CLI); this turns a
/// response builder's problem into that English sentence, keeping the import's own wording where it had one.</summary>
internal static class ImportErrorText
{
    public static string Of(SubmissionError problem) => problem.Key switch
    {
        "Ingest.LanguageUnknown" => $"\"{problem.Args[0]}\" is not a supported language.",
        // The builder passes the comment check's English message, which names the length, as the second argument.
        "Submission.CommentTooLong" or "Submission.CommentControlCharacters" or "Submission.CommentInvalidCharacters" => (string)problem.Args[1],
        _ => SharedTexts.Format(SharedTexts.English, problem.Key, problem.Args),
    };
}
