using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Borgerpuls.Tests.Hostile;

/// <summary>A valid JSON document with one to three things broken in it: a value replaced by a hostile one, a member or an
/// element removed, an element repeated, an unknown member added, or the text cut off. Generated from the valid document, so
/// most cases get past the parser and reach the rules behind it.</summary>
public static class JsonMutation
{
    public static Gen<string> Of(string validJson) =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ListOf(Step, count)
        from cut in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, validJson.Length - 1)))
        select Apply(validJson, steps, cut);

    private sealed record MutationStep(int Target, int Kind, JsonNode? Value, string Name);

    private static Gen<MutationStep> Step =>
        from target in Gen.Choose(0, 10_000)
        from kind in Gen.Choose(0, 4)
        from value in HostileValues.Node
        from name in Gen.Elements("unknown", "Key", "id ", "", "extra")
        select new MutationStep(target, kind, value, name);

    private static string Apply(string validJson, IReadOnlyList<MutationStep> steps, int cut)
    {
        var root = JsonNode.Parse(validJson)!;
        foreach (var step in steps)
        {
            var nodes = Descendants(root).ToList();
            var node = nodes[step.Target % nodes.Count];
            var parent = node.Parent;
            switch (step.Kind)
            {
                case 0 when parent is JsonObject o:
                    o[node.GetPropertyName()] = step.Value?.DeepClone();
                    break;
                case 0 when parent is JsonArray a:
                    a[node.GetElementIndex()] = step.Value?.DeepClone();
                    break;
                case 1 when parent is JsonObject o:
                    o.Remove(node.GetPropertyName());
                    break;
                case 1 when parent is JsonArray a:
                    a.RemoveAt(node.GetElementIndex());
                    break;
                case 2 when parent is JsonArray a:
                    a.Add(node.DeepClone());
                    break;
                case 3 when node is JsonObject o && !o.ContainsKey(step.Name):
                    o[step.Name] = step.Value?.DeepClone();
                    break;
                default:
                    if (parent is JsonObject p) p[node.GetPropertyName()] = step.Value?.DeepClone();
                    break;
            }
        }
        var text = root.ToJsonString();
        return cut >= 0 && cut < text.Length ? text[..cut] : text;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        foreach (var child in node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        })
        {
            if (child is null) continue;
            yield return child;
            foreach (var d in Descendants(child)) yield return d;
        }
    }
}
