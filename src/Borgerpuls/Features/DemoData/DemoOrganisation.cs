using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;

namespace Borgerpuls.Features.DemoData;

/// <summary>A fictional municipality with three job centres, their sites and teams, campaigns for every channel and
/// seed 004's targets: realistic enough to explore every screen.</summary>
internal static class DemoOrganisation
{
    public const string MunicipalityKey = "aabaek";

    public static ConfigDocument Document(DateOnly start) => new()
    {
        Municipalities =
        [
            new MunicipalityConfig(MunicipalityKey, "Aabæk Kommune")
            {
                JobCentres =
                [
                    Centre("jc-centrum", "Jobcenter Aabæk Centrum", ("sjaellandsgade", "Sjællandsgade", ["jobparat-team", "ung-team"]), ("torvet", "Torvet", ["sygedagpenge-team"])),
                    Centre("jc-nord", "Jobcenter Aabæk Nord", ("nordvej", "Nordvej", ["aktivitetsparat-team", "jobafklaring-team"])),
                    Centre("jc-syd", "Jobcenter Aabæk Syd", ("havnegade", "Havnegade", ["fleksjob-team", "ressource-team"]), ("skolevej", "Skolevej", ["dagpenge-team"])),
                ],
                Offers = [new OfferConfig("virksomhedspraktik", "Virksomhedspraktik"), new OfferConfig("mentorforloeb", "Mentorforløb", "Mentorhuset ApS")],
            },
        ],
        Campaigns =
        [
            new CampaignConfig("smiley-loebende", "Smileystandere, løbende", "smiley", Channel.Kiosk, start) { Status = CampaignStatus.Open },
            new CampaignConfig("exit-poll", "Exit poll efter samtaler", "borgeroplevelse-5", Channel.Tablet, start) { Status = CampaignStatus.Open },
            new CampaignConfig("vive-aarlig", "VIVE's årlige måling", "vive-7", Channel.Import, start) { Status = CampaignStatus.Open },
            new CampaignConfig("brugerundersoegelse", "Brugerundersøgelse", "brugerundersoegelse-15", Channel.Web, start) { Status = CampaignStatus.Open },
            // The mirror survey: each job centre hands its staff its own link (docs/mirror-survey.md).
            new CampaignConfig("spejl-centrum", "Medarbejdernes forventning, Centrum", "vive-7-spejl", Channel.Web, start) { Status = CampaignStatus.Open, JobCentre = "jc-centrum" },
            new CampaignConfig("spejl-nord", "Medarbejdernes forventning, Nord", "vive-7-spejl", Channel.Web, start) { Status = CampaignStatus.Open, JobCentre = "jc-nord" },
            new CampaignConfig("spejl-syd", "Medarbejdernes forventning, Syd", "vive-7-spejl", Channel.Web, start) { Status = CampaignStatus.Open, JobCentre = "jc-syd" },
        ],
        Targets =
        [
            new TargetConfig("jobparate-positiv", "Job- og uddannelsesparate: mindst 79 % positive", "vive-7", TargetMetric.Positive, TargetDirection.AtLeast, 0.79) { TargetGroupSet = "job-og-uddannelsesparate" },
            new TargetConfig("jobparate-negativ", "Job- og uddannelsesparate: højst 6 % negative", "vive-7", TargetMetric.Negative, TargetDirection.AtMost, 0.06) { TargetGroupSet = "job-og-uddannelsesparate" },
            new TargetConfig("udsatte-positiv", "Udsatte: mindst 68 % positive", "vive-7", TargetMetric.Positive, TargetDirection.AtLeast, 0.68) { TargetGroupSet = "udsatte" },
            new TargetConfig("udsatte-negativ", "Udsatte: højst 13 % negative", "vive-7", TargetMetric.Negative, TargetDirection.AtMost, 0.13) { TargetGroupSet = "udsatte" },
        ],
        ServiceGoals =
        [
            new ServiceGoalConfig("svar-24-timer", new() { ["da"] = "Svar eller kvittering inden for 24 timer", ["en"] = "Answer or acknowledgement within 24 hours" }, 24, 0.95) { Published = true },
        ],
    };

    private static JobCentreConfig Centre(string key, string name, params (string Key, string Name, string[] Units)[] sites) =>
        new(key, name)
        {
            Sites = sites.Select(s => new SiteConfig(s.Key, s.Name)
            {
                Units = s.Units.Select(u => new UnitConfig(u, UnitName(u))).ToList(),
            }).ToList(),
        };

    private static string UnitName(string key) => "Team " + char.ToUpperInvariant(key[0]) + key[1..key.IndexOf("-team", StringComparison.Ordinal)];
}
