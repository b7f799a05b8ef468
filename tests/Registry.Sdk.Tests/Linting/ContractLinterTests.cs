using EventContracts.Linting;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Linting;

public sealed class ContractLinterTests
{
    private const string Clean = """
        {
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "additionalProperties": false,
          "required": ["orderId", "createdAt"],
          "properties": {
            "orderId": { "type": "string" },
            "createdAt": { "type": "string", "format": "date-time" },
            "status": { "type": "string", "enum": ["PENDING", "PAID"] }
          }
        }
        """;

    // Wraps property schemas in a root that satisfies every rule, so a test sees only the rule it is about.
    private static string Root(string properties, string extra = "") => $$"""
        {
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "additionalProperties": false,
          {{(extra.Length == 0 ? string.Empty : extra + ",")}}
          "properties": { {{properties}} }
        }
        """;

    private static IReadOnlyList<LintFinding> Lint(string text, string? eventType = null, LintConfiguration? configuration = null) =>
        ContractLinter.Lint(ContractSchema.Parse(text), eventType, configuration);

    private static List<LintFinding> FindingsOf(string text, string ruleId) =>
        [.. Lint(text).Where(f => f.RuleId == ruleId)];

    [Fact]
    public void Lint_schema_following_every_rule_has_no_findings()
    {
        Assert.Empty(Lint(Clean, "order.created"));
        Assert.Empty(Lint(Root("\"orderId\": { \"type\": \"string\" }")));
    }

    // EC001

    [Fact]
    public void Lint_bad_event_type_reports_EC001_at_the_root()
    {
        var schema = ContractSchema.Parse(Clean, new SchemaParseOptions { SourcePath = "x.json" });

        var finding = Assert.Single(ContractLinter.Lint(schema, "Order_Created"));

        Assert.Equal(LintRules.EventTypeName, finding.RuleId);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("#", finding.Pointer);
        Assert.Equal("x.json", finding.File);
        Assert.Equal(new SourcePosition(1, 1), finding.Position);
        Assert.StartsWith("Rename the event type \"Order_Created\": separate segments with dots", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_without_event_type_skips_EC001()
    {
        Assert.DoesNotContain(Lint(Clean), f => f.RuleId == LintRules.EventTypeName);
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("order.created-value")]
    [InlineData("order.created.v2-key")]
    public void LintEventType_good_name_has_no_findings(string subject)
    {
        Assert.Empty(ContractLinter.LintEventType(subject));
    }

    [Fact]
    public void LintEventType_bad_name_reports_EC001_without_file_or_position()
    {
        var finding = Assert.Single(ContractLinter.LintEventType("order.create"));

        Assert.Equal(new LintFinding(
            LintRules.EventTypeName,
            LintSeverity.Error,
            "#",
            "Rename the event type \"order.create\": end with a past-tense verb that says what happened, like order.created or order.paid; \"create\" is not one; try \"created\".",
            null,
            null), finding);
    }

    [Fact]
    public void LintEventType_rule_off_for_the_subject_prefix_has_no_findings()
    {
        var configuration = new LintConfiguration
        {
            Subjects = new Dictionary<string, IReadOnlyDictionary<string, LintSeverity>>
            {
                ["legacy.*"] = new Dictionary<string, LintSeverity> { ["EC001"] = LintSeverity.Off },
            },
        };

        Assert.Empty(ContractLinter.LintEventType("legacy.OrderCreate", configuration));
        Assert.Single(ContractLinter.LintEventType("current.OrderCreate", configuration));
    }

    // EC002

    [Theory]
    [InlineData("true", "#", "Replace the boolean root schema true")]
    [InlineData("false", "#", "Replace the boolean root schema false")]
    [InlineData("""{"title":"t","description":"d","additionalProperties":false}""", "#", "Add \"type\": \"object\" to the root schema")]
    [InlineData("""{"title":"t","description":"d","type":"array"}""", "#/type", "Change the root \"type\" from \"array\" to \"object\"")]
    [InlineData("""{"title":"t","description":"d","type":["object","null"],"additionalProperties":false}""", "#/type", "Make the root \"type\" just \"object\"; an event is always a JSON object, never null.")]
    public void Lint_root_that_is_not_an_object_reports_EC002(string text, string pointer, string message)
    {
        var finding = Assert.Single(FindingsOf(text, LintRules.RootIsObject));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(pointer, finding.Pointer);
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"object"}""")]
    [InlineData("""{"type":["object"]}""")]
    public void Lint_root_object_type_has_no_EC002(string text)
    {
        Assert.Empty(FindingsOf(text, LintRules.RootIsObject));
    }

    [Fact]
    public void Lint_boolean_root_reports_only_EC002()
    {
        var finding = Assert.Single(Lint("true"));

        Assert.Equal(LintRules.RootIsObject, finding.RuleId);
    }

    // EC003

    [Theory]
    [InlineData("order_id", "Rename \"order_id\" to camelCase, e.g. \"orderId\".")]
    [InlineData("OrderId", "Rename \"OrderId\" to camelCase, e.g. \"orderId\".")]
    [InlineData("ORDER_ID", "Rename \"ORDER_ID\" to camelCase, e.g. \"orderId\".")]
    [InlineData("order-id", "Rename \"order-id\" to camelCase, e.g. \"orderId\".")]
    [InlineData("HTTPStatus", "Rename \"HTTPStatus\" to camelCase, e.g. \"httpStatus\".")]
    [InlineData("$type", "Rename \"$type\" to camelCase, e.g. \"type\".")]
    [InlineData("1st", "Rename \"1st\" to camelCase: a lower-case letter, then letters and digits only, e.g. \"orderId\".")]
    [InlineData("größe", "Rename \"größe\" to camelCase: a lower-case letter, then letters and digits only, e.g. \"orderId\".")]
    public void Lint_property_not_in_camel_case_reports_EC003_with_a_suggestion(string name, string message)
    {
        var finding = Assert.Single(FindingsOf(Root($"\"{name}\": {{ \"type\": \"string\" }}"), LintRules.CamelCaseProperties));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal($"#/properties/{name}", finding.Pointer);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Lint_camel_case_suggestion_already_taken_says_so()
    {
        var finding = Assert.Single(FindingsOf(Root("\"orderId\": {}, \"order_id\": {}"), LintRules.CamelCaseProperties));

        Assert.Contains("\"orderId\" is already taken", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("id")]
    [InlineData("orderID")]
    [InlineData("line2")]
    public void Lint_camel_case_property_has_no_EC003(string name)
    {
        Assert.Empty(FindingsOf(Root($"\"{name}\": {{ \"type\": \"string\" }}"), LintRules.CamelCaseProperties));
    }

    [Fact]
    public void Lint_property_names_with_slash_and_tilde_are_escaped_in_pointers()
    {
        var pointers = FindingsOf(Root("\"a/b\": {}, \"c~d\": {}"), LintRules.CamelCaseProperties).Select(f => f.Pointer);

        Assert.Equal(["#/properties/a~1b", "#/properties/c~0d"], pointers);
    }

    [Fact]
    public void Lint_walks_every_subschema_location()
    {
        const string text = """
            {
              "type": "object",
              "properties": { "nested": { "properties": { "p_1": {} } } },
              "patternProperties": { "^x_": { "properties": { "p_2": {} } } },
              "additionalProperties": { "properties": { "p_3": {} } },
              "unevaluatedProperties": { "properties": { "p_4": {} } },
              "items": { "properties": { "p_5": {} } },
              "prefixItems": [ { "properties": { "p_6": {} } } ],
              "additionalItems": { "properties": { "p_7": {} } },
              "contains": { "properties": { "p_8": {} } },
              "allOf": [ { "properties": { "p_9": {} } } ],
              "anyOf": [ {}, { "properties": { "p_10": {} } } ],
              "oneOf": [ { "properties": { "p_11": {} } } ],
              "not": { "properties": { "p_12": {} } },
              "if": { "properties": { "p_13": {} } },
              "then": { "properties": { "p_14": {} } },
              "else": { "properties": { "p_15": {} } },
              "dependentSchemas": { "a": { "properties": { "p_16": {} } } },
              "dependencies": { "b": { "properties": { "p_17": {} } }, "c": ["d_e"] },
              "$defs": { "x": { "items": [ { "properties": { "p_18": {} } } ] } },
              "definitions": { "y": { "properties": { "p_19": {} } } },
              "propertyNames": { "properties": { "p_20": {} } },
              "enum": [ { "properties": { "bad_1": {} } } ],
              "const": { "properties": { "bad_2": {} } },
              "default": { "properties": { "bad_3": {} } },
              "examples": [ { "properties": { "bad_4": {} } } ]
            }
            """;

        var pointers = FindingsOf(text, LintRules.CamelCaseProperties).Select(f => f.Pointer).Order(StringComparer.Ordinal);

        string[] expected =
            [
                "#/$defs/x/items/0/properties/p_18",
                "#/additionalItems/properties/p_7",
                "#/additionalProperties/properties/p_3",
                "#/allOf/0/properties/p_9",
                "#/anyOf/1/properties/p_10",
                "#/contains/properties/p_8",
                "#/definitions/y/properties/p_19",
                "#/dependencies/b/properties/p_17",
                "#/dependentSchemas/a/properties/p_16",
                "#/else/properties/p_15",
                "#/if/properties/p_13",
                "#/items/properties/p_5",
                "#/not/properties/p_12",
                "#/oneOf/0/properties/p_11",
                "#/patternProperties/^x_/properties/p_2",
                "#/prefixItems/0/properties/p_6",
                "#/properties/nested/properties/p_1",
                "#/propertyNames/properties/p_20",
                "#/then/properties/p_14",
                "#/unevaluatedProperties/properties/p_4",
            ];

        Assert.Equal(expected, pointers);
    }

    // EC004

    [Fact]
    public void Lint_required_name_not_declared_reports_EC004_at_the_entry()
    {
        var finding = Assert.Single(FindingsOf(Root("\"orderId\": {}", "\"required\": [\"orderId\", \"orderID\"]"), LintRules.RequiredAreDeclared));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("#/required/1", finding.Pointer);
        Assert.Equal("Declare \"orderID\" under \"properties\", or remove it from \"required\".", finding.Message);
    }

    [Fact]
    public void Lint_nested_required_name_not_declared_reports_EC004_in_the_nested_schema()
    {
        var text = Root("\"customer\": { \"type\": \"object\", \"additionalProperties\": false, \"required\": [\"name\"], \"properties\": { \"id\": {} } }");

        var finding = Assert.Single(FindingsOf(text, LintRules.RequiredAreDeclared));

        Assert.Equal("#/properties/customer/required/0", finding.Pointer);
    }

    [Fact]
    public void Lint_required_names_declared_have_no_EC004()
    {
        Assert.Empty(FindingsOf(Clean, LintRules.RequiredAreDeclared));
    }

    [Fact]
    public void Lint_required_in_branches_of_a_schema_declaring_the_properties_has_no_EC004()
    {
        var text = Root(
            "\"email\": {}, \"phone\": {}",
            """
            "anyOf": [ { "required": ["email"] }, { "required": ["phone"] } ],
            "if": { "required": ["email"] }, "then": { "required": ["phone"] },
            "not": { "required": ["legacyId"] }
            """);

        Assert.Empty(FindingsOf(text, LintRules.RequiredAreDeclared));
    }

    [Fact]
    public void Lint_required_declared_through_allOf_and_a_local_ref_has_no_EC004()
    {
        var text = Root(
            "\"total\": {}",
            """
            "$defs": { "base": { "properties": { "orderId": {} } } },
            "allOf": [ { "$ref": "#/$defs/base" } ],
            "required": ["orderId", "total"]
            """);

        Assert.Empty(FindingsOf(text, LintRules.RequiredAreDeclared));
    }

    [Fact]
    public void Lint_required_with_cyclic_refs_terminates_and_reports()
    {
        var text = Root(
            "\"a\": { \"$ref\": \"#/$defs/loop\" }",
            """
            "$defs": { "loop": { "allOf": [ { "$ref": "#/$defs/loop" } ], "required": ["missing"] } }
            """);

        var finding = Assert.Single(FindingsOf(text, LintRules.RequiredAreDeclared));

        Assert.Equal("#/$defs/loop/required/0", finding.Pointer);
    }

    // EC005

    [Theory]
    [InlineData("https://example.com/address.json")]
    [InlineData("http://example.com/address.json#/$defs/street")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.json")]
    [InlineData("./address.json")]
    [InlineData("address.json")]
    [InlineData("../common/address.json#/definitions/a")]
    public void Lint_ref_leaving_the_document_reports_EC005(string reference)
    {
        var text = Root($"\"address\": {{ \"$ref\": \"{reference}\" }}");
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse(text, new SchemaParseOptions { SourcePath = "order.created.v1.json" }));

        var finding = Assert.Single(ContractLinter.Lint(error, "order.created"));

        Assert.Equal(LintRules.NoRemoteRef, finding.RuleId);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("#/properties/address/$ref", finding.Pointer);
        Assert.Equal("order.created.v1.json", finding.File);
        Assert.NotNull(finding.Position);
        Assert.Contains($"$ref \"{reference}\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("register it and pass it as a schema reference", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_a_parse_error_that_is_not_about_a_ref_has_no_findings()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("{ not json"));

        Assert.Empty(ContractLinter.Lint(error));
    }

    [Fact]
    public void Lint_of_a_ref_error_respects_EC005_configuration()
    {
        var error = Assert.Throws<SchemaException>(() => ContractSchema.Parse("""{"type":"object","properties":{"a":{"$ref":"http://example.com/a.json"}}}"""));
        var configuration = LintConfiguration.Default with { Rules = new Dictionary<string, LintSeverity> { [LintRules.NoRemoteRef] = LintSeverity.Off } };

        Assert.Empty(ContractLinter.Lint(error, configuration: configuration));
    }

    [Theory]
    [InlineData("#/$defs/address")]
    [InlineData("#")]
    [InlineData("https://example.com/schemas/address.json")]
    [InlineData("https://example.com/schemas/address.json#/properties/street")]
    public void Lint_ref_inside_the_document_has_no_EC005(string reference)
    {
        var text = Root(
            $"\"address\": {{ \"$ref\": \"{reference}\" }}",
            """
            "$defs": { "address": { "$id": "https://example.com/schemas/address.json", "type": "object", "additionalProperties": false, "properties": { "street": {} } } }
            """);

        Assert.Empty(FindingsOf(text, LintRules.NoRemoteRef));
    }

    // EC006

    [Theory]
    [InlineData("""{"type":"object","description":"d"}""", "#", "Add a \"title\" to the root schema")]
    [InlineData("""{"type":"object","title":"t"}""", "#", "Add a \"description\" to the root schema")]
    [InlineData("""{"type":"object","title":"  ","description":"d"}""", "#/title", "Fill in the root \"title\"")]
    public void Lint_root_without_title_or_description_reports_EC006(string text, string pointer, string message)
    {
        var finding = Assert.Single(FindingsOf(text, LintRules.RootTitleAndDescription));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(pointer, finding.Pointer);
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_root_without_both_reports_EC006_twice()
    {
        Assert.Equal(2, FindingsOf("""{"type":"object"}""", LintRules.RootTitleAndDescription).Count);
    }

    [Fact]
    public void Lint_nested_schema_without_title_has_no_EC006()
    {
        Assert.Empty(FindingsOf(Root("\"customer\": { \"type\": \"object\", \"additionalProperties\": true }"), LintRules.RootTitleAndDescription));
    }

    // EC007

    [Fact]
    public void Lint_object_schemas_without_additional_properties_report_EC007()
    {
        const string text = """
            {
              "type": "object",
              "properties": {
                "customer": { "type": "object" },
                "address": { "properties": { "street": {} } },
                "maybe": { "type": ["object", "null"] },
                "name": { "type": "string" }
              }
            }
            """;

        var findings = FindingsOf(text, LintRules.ExplicitAdditionalProperties);

        Assert.Equal(["#", "#/properties/customer", "#/properties/address", "#/properties/maybe"], findings.Select(f => f.Pointer));
        Assert.All(findings, f => Assert.Equal(LintSeverity.Warning, f.Severity));
        Assert.StartsWith("State \"additionalProperties\" on this object schema: false to close it", findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"additionalProperties\": false")]
    [InlineData("\"additionalProperties\": true")]
    [InlineData("\"additionalProperties\": { \"type\": \"string\" }")]
    [InlineData("\"unevaluatedProperties\": false")]
    public void Lint_object_schema_stating_additional_properties_has_no_EC007(string statement)
    {
        Assert.Empty(FindingsOf($$"""{ "type": "object", {{statement}}, "properties": { "a": {} } }""", LintRules.ExplicitAdditionalProperties));
    }

    [Fact]
    public void Lint_conditions_are_not_asked_for_additional_properties()
    {
        var text = Root(
            "\"kind\": {}",
            """
            "if": { "properties": { "kind": { "const": "x" } } },
            "not": { "type": "object", "properties": { "a": {} } },
            "then": { "type": "object" }
            """);

        var finding = Assert.Single(FindingsOf(text, LintRules.ExplicitAdditionalProperties));

        Assert.Equal("#/then", finding.Pointer);
    }

    // EC008

    [Fact]
    public void Lint_enum_value_breaking_the_majority_style_reports_EC008()
    {
        var finding = Assert.Single(FindingsOf(Root("\"status\": { \"enum\": [\"PENDING\", \"PAID\", \"inProgress\", 3, null] }"), LintRules.EnumCasing));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("#/properties/status/enum/2", finding.Pointer);
        Assert.Equal("Write \"inProgress\" in UPPER_SNAKE_CASE like the other values of this enum, e.g. \"IN_PROGRESS\".", finding.Message);
    }

    [Theory]
    [InlineData("[\"ACTIVE\", \"Pending\", \"Closed\"]", 0, "\"Active\"")]
    [InlineData("[\"in_progress\", \"on_hold\", \"cancelledByUser\"]", 2, "\"cancelled_by_user\"")]
    [InlineData("[\"in-progress\", \"on-hold\", \"Done Deal\"]", 2, "\"done-deal\"")]
    public void Lint_enum_reports_the_odd_value_with_a_respelling(string values, int index, string respelled)
    {
        var finding = Assert.Single(FindingsOf(Root($"\"status\": {{ \"enum\": {values} }}"), LintRules.EnumCasing));

        Assert.Equal($"#/properties/status/enum/{index}", finding.Pointer);
        Assert.EndsWith($"e.g. {respelled}.", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"PENDING\", \"IN_PROGRESS\", \"A\"]")]
    [InlineData("[\"pending\", \"in_progress\"]")]
    [InlineData("[\"pending\", \"inProgress\"]")]
    [InlineData("[\"pending\", \"in-progress\"]")]
    [InlineData("[\"Pending\", \"InProgress\"]")]
    [InlineData("[\"single\"]")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[\"Hello World\", \"Good Bye\"]")]
    public void Lint_enum_with_one_style_has_no_EC008(string values)
    {
        Assert.Empty(FindingsOf(Root($"\"status\": {{ \"enum\": {values} }}"), LintRules.EnumCasing));
    }

    // EC009

    [Theory]
    [InlineData("createdAt", "{ \"type\": \"integer\" }")]
    [InlineData("createdAt", "{ \"type\": \"string\" }")]
    [InlineData("createdAt", "{ \"type\": \"string\", \"format\": \"date\" }")]
    [InlineData("deliveryTime", "{ \"type\": \"string\" }")]
    [InlineData("eventTimestamp", "{ \"type\": \"number\" }")]
    [InlineData("timestamp", "{}")]
    [InlineData("shippedAt", "true")]
    [InlineData("paidAt", "{ \"$ref\": \"#/$defs/money\" }")]
    public void Lint_time_like_property_without_date_time_reports_EC009(string name, string schema)
    {
        var text = Root($"\"{name}\": {schema}", "\"$defs\": { \"money\": { \"type\": \"number\" } }");

        var finding = Assert.Single(FindingsOf(text, LintRules.TimestampFormat));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal($"#/properties/{name}", finding.Pointer);
        Assert.Equal($"Declare \"{name}\" as \"type\": \"string\" with \"format\": \"date-time\" (RFC 3339, e.g. \"2024-05-01T12:00:00Z\").", finding.Message);
    }

    [Theory]
    [InlineData("createdAt", "{ \"type\": \"string\", \"format\": \"date-time\" }")]
    [InlineData("deliveryTime", "{ \"type\": [\"string\", \"null\"], \"format\": \"date-time\" }")]
    [InlineData("paidAt", "{ \"$ref\": \"#/$defs/instant\" }")]
    [InlineData("cancelledAt", "{ \"anyOf\": [ { \"$ref\": \"#/$defs/instant\" }, { \"type\": \"null\" } ] }")]
    [InlineData("status", "{ \"type\": \"integer\" }")]
    [InlineData("chat", "{ \"type\": \"integer\" }")]
    [InlineData("format", "{ \"type\": \"integer\" }")]
    [InlineData("runtime", "{ \"type\": \"integer\" }")]
    [InlineData("At", "{ \"type\": \"integer\" }")]
    [InlineData("step2At", "{ \"type\": \"integer\" }")]
    public void Lint_date_time_or_not_time_like_property_has_no_EC009(string name, string schema)
    {
        var text = Root($"\"{name}\": {schema}", "\"$defs\": { \"instant\": { \"type\": \"string\", \"format\": \"date-time\" } }");

        Assert.Empty(FindingsOf(text, LintRules.TimestampFormat));
    }

    // Configuration

    [Fact]
    public void Lint_rule_configured_off_globally_produces_nothing()
    {
        var text = Root("\"order_id\": {}");
        var configuration = new LintConfiguration { Rules = new Dictionary<string, LintSeverity> { ["EC003"] = LintSeverity.Off } };

        Assert.Single(Lint(text));
        Assert.Empty(Lint(text, configuration: configuration));
    }

    [Fact]
    public void Lint_global_override_changes_the_reported_severity()
    {
        var configuration = new LintConfiguration { Rules = new Dictionary<string, LintSeverity> { ["ec006"] = LintSeverity.Error } };

        var findings = Lint("""{"type":"object","additionalProperties":false}""", configuration: configuration);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((LintRules.RootTitleAndDescription, LintSeverity.Error), (f.RuleId, f.Severity)));
    }

    [Fact]
    public void Lint_per_subject_configuration_applies_to_the_event_type()
    {
        const string text = """{"type":"object","title":"t","description":"d","properties":{"createdAt":{}}}""";
        var configuration = new LintConfiguration
        {
            Rules = new Dictionary<string, LintSeverity> { ["EC009"] = LintSeverity.Error },
            Subjects = new Dictionary<string, IReadOnlyDictionary<string, LintSeverity>>
            {
                ["order.*"] = new Dictionary<string, LintSeverity> { ["EC007"] = LintSeverity.Off, ["EC009"] = LintSeverity.Warning },
                ["order.created"] = new Dictionary<string, LintSeverity> { ["EC009"] = LintSeverity.Off },
            },
        };

        IEnumerable<(string, LintSeverity)> Findings(string? eventType) =>
            Lint(text, eventType, configuration).Select(f => (f.RuleId, f.Severity));

        Assert.Equal([("EC007", LintSeverity.Warning), ("EC009", LintSeverity.Error)], Findings(null));
        Assert.Equal([("EC007", LintSeverity.Warning), ("EC009", LintSeverity.Error)], Findings("payment.captured"));
        Assert.Equal([("EC009", LintSeverity.Warning)], Findings("order.paid"));
        Assert.Empty(Findings("order.created"));
        Assert.Empty(Findings("order.created-value"));
    }

    // Positions and order

    [Fact]
    public void Lint_findings_carry_file_line_and_column_in_source_order()
    {
        const string text = """
            {
              "title": "Order created",
              "description": "An order was placed.",
              "type": "object",
              "additionalProperties": false,
              "required": ["orderId"],
              "properties": {
                "order_id": { "type": "string" },
                "shipment": {
                  "type": "object",
                  "properties": {
                    "shippedAt": { "type": "integer" }
                  }
                }
              }
            }
            """;
        var schema = ContractSchema.Parse(text, new SchemaParseOptions { SourcePath = "x.json" });

        var findings = ContractLinter.Lint(schema, "order.created");

        Assert.Equal(
            new (string, string, SourcePosition?)[]
            {
                ("EC004", "#/required/0", new SourcePosition(6, 16)),
                ("EC003", "#/properties/order_id", new SourcePosition(8, 5)),
                ("EC007", "#/properties/shipment", new SourcePosition(9, 5)),
                ("EC009", "#/properties/shipment/properties/shippedAt", new SourcePosition(12, 9)),
            },
            findings.Select(f => (f.RuleId, f.Pointer, f.Position)));
        Assert.All(findings, f => Assert.Equal("x.json", f.File));
    }

    [Fact]
    public void Lint_schema_without_source_path_has_no_file_but_positions()
    {
        var finding = Assert.Single(Lint(Root("\"order_id\": {}")));

        Assert.Null(finding.File);
        Assert.NotNull(finding.Position);
    }

    [Fact]
    public void Lint_same_input_gives_the_same_findings_in_the_same_order()
    {
        const string text = """{"type":"array","properties":{"b_b":{"type":"object"},"a_a":{"enum":["X","y"]},"createdAt":{}},"required":["zz"]}""";

        var first = Lint(text, "Bad");
        var second = Lint(text, "Bad");

        Assert.Equal(first, second);
        Assert.Equal(first.OrderBy(f => f.Position!.Value.Line).ThenBy(f => f.Position!.Value.Column), first);
        Assert.Equal(["EC001", "EC006", "EC006", "EC007", "EC002"], first.Take(5).Select(f => f.RuleId));
    }

    [Fact]
    public void Lint_deeply_nested_schema_completes()
    {
        const int depth = 120;
        var text = string.Concat(Enumerable.Repeat("{\"properties\":{\"x_y\":", depth)) + "{}" + new string('}', depth * 2);

        var findings = FindingsOf(text, LintRules.CamelCaseProperties);

        Assert.Equal(depth, findings.Count);
    }
}
