using ShootyTui.Core.Secrets;

namespace ShootyTui.Tests.Secrets;

public sealed class DotEnvTests
{
    /// <summary>Every dotenv form the bot's .env may use, with the value each must yield.</summary>
    public const string EveryCase = """
        # a comment line

        PLAIN=value
        export EXPORTED=from export
        SINGLE='single $HOME \n stays literal'
        DOUBLE="line1\nline2\ttab \"quoted\" back\\slash \$dollar"
        HASH_IN_QUOTES="has # inside"
        HASH_IN_SINGLE='also # inside'
        TRAILING=value # a trailing comment
        NO_SPACE_HASH=abc#def
        MULTI="first line
        second line"
        MULTI_SINGLE='a
        b'
        EQUALS=a=b=c
        EMPTY=
        EMPTY_QUOTED=""
          SPACED  =  spaced value  
        DUP=first
        DUP=second
        """;

    public static readonly Dictionary<string, string> EveryCaseValues = new()
    {
        ["PLAIN"] = "value",
        ["EXPORTED"] = "from export",
        ["SINGLE"] = "single $HOME \\n stays literal",
        ["DOUBLE"] = "line1\nline2\ttab \"quoted\" back\\slash $dollar",
        ["HASH_IN_QUOTES"] = "has # inside",
        ["HASH_IN_SINGLE"] = "also # inside",
        ["TRAILING"] = "value",
        ["NO_SPACE_HASH"] = "abc#def",
        ["MULTI"] = "first line\nsecond line",
        ["MULTI_SINGLE"] = "a\nb",
        ["EQUALS"] = "a=b=c",
        ["EMPTY"] = "",
        ["EMPTY_QUOTED"] = "",
        ["SPACED"] = "spaced value",
        ["DUP"] = "second",
    };

    [Fact]
    public void Parse_reads_every_dotenv_case()
    {
        var result = DotEnv.Parse(EveryCase);

        foreach (var (key, value) in EveryCaseValues)
        {
            Assert.True(result.Variables.ContainsKey(key), $"missing {key}");
            Assert.Equal(value, result.Variables[key]);
        }

        Assert.Equal(EveryCaseValues.Count, result.Variables.Count);
    }

    [Fact]
    public void Parse_warns_about_duplicate_keys_without_values()
    {
        var result = DotEnv.Parse("DUP=first\nOTHER=1\nDUP=second\n");

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("DUP", warning);
        Assert.Contains("line 3", warning);
        Assert.Contains("line 1", warning);
        Assert.DoesNotContain("first", warning);
        Assert.DoesNotContain("second", warning);
    }

    [Fact]
    public void Parse_accepts_crlf_line_ends()
    {
        var result = DotEnv.Parse("A=1\r\nB=\"two\"\r\n");

        Assert.Equal("1", result.Variables["A"]);
        Assert.Equal("two", result.Variables["B"]);
    }

    [Theory]
    [InlineData("NOEQUALS hunter2\n", "line 1")]
    [InlineData("A=1\nB=\"hunter2\n", "no closing")]
    [InlineData("A=1\n1BAD=hunter2\n", "line 2")]
    [InlineData("A='x' hunter2\n", "after the closing quote")]
    public void Parse_rejects_invalid_lines_without_showing_values(string text, string expected)
    {
        var error = Assert.Throws<SecretsException>(() => DotEnv.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Format_round_trips_every_value()
    {
        var text = DotEnv.Format(EveryCaseValues);
        var result = DotEnv.Parse(text);

        Assert.Equal(
            EveryCaseValues.OrderBy(pair => pair.Key),
            result.Variables.OrderBy(pair => pair.Key)
        );
    }
}
