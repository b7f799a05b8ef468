using EventContracts.Linting;
using Xunit;

namespace EventContracts.Tests.Linting;

public sealed class LintRulesTests
{
    [Fact]
    public void All_lists_the_nine_rules_in_id_order_with_design_defaults()
    {
        var expected = new (string Id, LintSeverity Severity)[]
        {
            (LintRules.EventTypeName, LintSeverity.Error),
            (LintRules.RootIsObject, LintSeverity.Error),
            (LintRules.CamelCaseProperties, LintSeverity.Error),
            (LintRules.RequiredAreDeclared, LintSeverity.Error),
            (LintRules.NoRemoteRef, LintSeverity.Error),
            (LintRules.RootTitleAndDescription, LintSeverity.Warning),
            (LintRules.ExplicitAdditionalProperties, LintSeverity.Warning),
            (LintRules.EnumCasing, LintSeverity.Warning),
            (LintRules.TimestampFormat, LintSeverity.Warning),
        };

        Assert.Equal(expected, LintRules.All.Select(r => (r.Id, r.DefaultSeverity)));
        Assert.Equal(["EC001", "EC002", "EC003", "EC004", "EC005", "EC006", "EC007", "EC008", "EC009"], LintRules.All.Select(r => r.Id));
    }

    [Fact]
    public void All_every_rule_has_a_title_and_description()
    {
        Assert.All(LintRules.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Description));
        });
    }

    [Theory]
    [InlineData("EC003")]
    [InlineData("ec003")]
    [InlineData("Ec003")]
    public void TryGet_id_in_any_case_finds_the_rule(string id)
    {
        Assert.True(LintRules.TryGet(id, out var rule));
        Assert.Equal(LintRules.CamelCaseProperties, rule.Id);
    }

    [Theory]
    [InlineData("EC000")]
    [InlineData("EC010")]
    [InlineData("")]
    public void TryGet_unknown_id_returns_false(string id)
    {
        Assert.False(LintRules.TryGet(id, out var rule));
        Assert.Null(rule);
    }
}
