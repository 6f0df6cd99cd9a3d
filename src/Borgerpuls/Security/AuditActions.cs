using System.Reflection;

namespace Borgerpuls.Security;

/// <summary>Every action the audit log records, in one place. The code is what is stored and exported (stable across
/// languages); the audit page shows the name from the resources (<c>Audit.Action.&lt;code&gt;</c>).</summary>
public static class AuditActions
{
    public const string SignIn = "signin";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked-out";
    public const string SignInExternal = "signin.external";
    public const string SignInExternalRefused = "signin.external.refused";
    public const string UserSetup = "user.setup";
    public const string UserBootstrap = "user.bootstrap";
    public const string UserCreate = "user.create";
    public const string UserRole = "user.role";
    public const string UserLock = "user.lock";
    public const string UserUnlock = "user.unlock";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string DeviceAdd = "device.add";
    public const string DeviceRevoke = "device.revoke";
    public const string DeviceRotateKey = "device.rotate-key";
    public const string PresetsApply = "presets.apply";
    public const string ConfigApply = "config.apply";
    public const string Import = "import";
    public const string ImportDryRun = "import.dry-run";
    public const string ImportRejected = "import.rejected";
    public const string ImportMappingSaved = "import.mapping-saved";
    public const string PaperEntry = "paper.entry";
    public const string PaperHandedOut = "paper.handed-out";
    public const string CommentsView = "comments.view";
    public const string CommentHide = "comment.hide";
    public const string CommentUnhide = "comment.unhide";
    public const string InsightCreate = "insight.create";
    public const string ActionCreate = "action.create";
    public const string ActionUpdate = "action.update";
    public const string TargetCreate = "target.create";
    public const string TargetUpdate = "target.update";
    public const string AlertCreate = "alert.create";
    public const string AlertUpdate = "alert.update";
    public const string AlertDelete = "alert.delete";
    public const string CampaignCreate = "campaign.create";
    public const string CampaignUpdate = "campaign.update";
    public const string OrganisationCreate = "organisation.create";
    public const string OrganisationRename = "organisation.rename";
    public const string OrganisationRetire = "organisation.retire";
    public const string OrganisationReactivate = "organisation.reactivate";
    public const string MunicipalityBenchmarkOn = "municipality.benchmark.on";
    public const string MunicipalityBenchmarkOff = "municipality.benchmark.off";
    public const string ReportDownload = "report.download";
    public const string ExportResults = "export.results";
    public const string ExportResponses = "export.responses";
    public const string AuditExport = "audit.export";
    public const string RetentionDelete = "retention.delete";
    public const string CampaignDeleteData = "campaign.delete-data";
    public const string TransparencyPublish = "transparency.publish";
    public const string TransparencyWithdraw = "transparency.withdraw";
    public const string FollowUpView = "followup.view";
    public const string FollowUpUpdate = "followup.update";
    public const string ServiceGoalCreate = "servicegoal.create";
    public const string ServiceGoalUpdate = "servicegoal.update";
    public const string ServiceGoalImport = "servicegoal.import";
    public const string QuestionnaireDraftCreate = "questionnaire.draft.create";
    public const string QuestionnaireDraftUpdate = "questionnaire.draft.update";
    public const string QuestionnaireDraftDelete = "questionnaire.draft.delete";
    public const string QuestionnairePublish = "questionnaire.publish";

    /// <summary>Every code above, for the check that each has a name in every staff language.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
