using EventContracts.Linting;
using Xunit;

namespace EventContracts.Tests.Linting;

public sealed class LintConfigurationTests
{
    private static readonly LintConfiguration Layered = new()
    {
        Rules = new Dictionary<string, LintSeverity>
        {
            ["EC006"] = LintSeverity.Error,
            ["ec009"] = LintSeverity.Off,
        },
        Subjects = new Dictionary<string, IReadOnlyDictionary<string, LintSeverity>>
        {
            ["order.*"] = new Dictionary<string, LintSeverity> { ["EC006"] = LintSeverity.Warning, ["EC007"] = LintSeverity.Off },
            ["order.item.*"] = new Dictionary<string, LintSeverity> { ["EC006"] = LintSeverity.Off },
            ["order.created"] = new Dictionary<string, LintSeverity> { ["EC007"] = LintSeverity.Error },
        },
    };

    [Fact]
    public void SeverityOf_default_configuration_gives_rule_defaults()
    {
        foreach (var rule in LintRules.All)
        {
            Assert.Equal(rule.DefaultSeverity, LintConfiguration.Default.SeverityOf(rule.Id, null));
            Assert.Equal(rule.DefaultSeverity, LintConfiguration.Default.SeverityOf(rule.Id, "order.created"));
        }
    }

    [Fact]
    public void SeverityOf_global_override_beats_default()
    {
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC006", null));
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC006", "payment.captured"));
    }

    [Fact]
    public void SeverityOf_rule_ids_match_in_any_case()
    {
        Assert.Equal(LintSeverity.Off, Layered.SeverityOf("EC009", null));
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("ec006", null));
    }

    [Fact]
    public void SeverityOf_prefix_pattern_beats_global()
    {
        Assert.Equal(LintSeverity.Warning, Layered.SeverityOf("EC006", "order.paid"));
    }

    [Fact]
    public void SeverityOf_longer_prefix_beats_shorter_prefix()
    {
        Assert.Equal(LintSeverity.Off, Layered.SeverityOf("EC006", "order.item.added"));
    }

    [Fact]
    public void SeverityOf_exact_subject_beats_prefix()
    {
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC007", "order.created"));
        Assert.Equal(LintSeverity.Off, Layered.SeverityOf("EC007", "order.paid"));
    }

    [Fact]
    public void SeverityOf_exact_subject_without_the_rule_falls_back_to_prefix_then_global()
    {
        Assert.Equal(LintSeverity.Warning, Layered.SeverityOf("EC006", "order.created"));
        Assert.Equal(LintSeverity.Off, Layered.SeverityOf("EC009", "order.created"));
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC003", "order.created"));
    }

    [Fact]
    public void SeverityOf_topic_suffix_matches_keys_written_without_it()
    {
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC007", "order.created-value"));
        Assert.Equal(LintSeverity.Off, Layered.SeverityOf("EC007", "order.paid-key"));
    }

    [Fact]
    public void SeverityOf_prefix_pattern_does_not_match_a_longer_domain_or_the_bare_prefix()
    {
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC006", "orders.created"));
        Assert.Equal(LintSeverity.Error, Layered.SeverityOf("EC006", "order"));
    }

    [Fact]
    public void SeverityOf_unknown_rule_is_off_unless_configured()
    {
        Assert.Equal(LintSeverity.Off, LintConfiguration.Default.SeverityOf("EC999", null));
        var configured = new LintConfiguration { Rules = new Dictionary<string, LintSeverity> { ["EC999"] = LintSeverity.Warning } };
        Assert.Equal(LintSeverity.Warning, configured.SeverityOf("EC999", null));
    }

    [Theory]
    [InlineData("off", LintSeverity.Off)]
    [InlineData("OFF", LintSeverity.Off)]
    [InlineData("warning", LintSeverity.Warning)]
    [InlineData("Warn", LintSeverity.Warning)]
    [InlineData("error", LintSeverity.Error)]
    [InlineData(" Error ", LintSeverity.Error)]
    public void TryParseSeverity_known_word_returns_severity(string text, LintSeverity expected)
    {
        Assert.True(LintConfiguration.TryParseSeverity(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("info")]
    [InlineData("errors")]
    [InlineData("2")]
    public void TryParseSeverity_other_text_returns_false(string? text)
    {
        Assert.False(LintConfiguration.TryParseSeverity(text, out _));
    }
}
