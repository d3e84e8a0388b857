using ShootyTui.Tests.Support;
using ShootyTui.Tui;

namespace ShootyTui.Tests.Tui;

/// <summary>The theme files shipped in themes/, the NO_COLOR rule and theme errors.</summary>
public class ThemeTests
{
    public static TheoryData<string> Shipped => new() { "default", "high-contrast", "monochrome" };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_theme_defines_every_scheme_the_panel_uses(string name)
    {
        var theme = Theme.Load(name);

        Assert.Equal(name, theme.Name);
        foreach (var scheme in new[] { "base", "header", "dialog", "error" })
        {
            Assert.True(theme.Schemes.ContainsKey(scheme), $"{name} lacks the {scheme} scheme");
        }
    }

    [Fact]
    public void Unknown_theme_error_lists_the_available_ones()
    {
        var error = Assert.Throws<ThemeException>(() => Theme.Load("neon"));

        Assert.Contains("\"neon\" not found", error.Message);
        Assert.Contains("default, high-contrast, monochrome", error.Message);
        Assert.Contains("[ui] theme", error.Message);
    }

    [Fact]
    public void Unknown_colour_error_names_the_colour_and_the_choices()
    {
        var json = """{"schemes": {"base": {"normal": ["purple", "black"]}}}""";

        var error = Assert.Throws<ThemeException>(() => Theme.Parse("x", json, "x.json"));

        Assert.Contains("unknown colour \"purple\"", error.Message);
        Assert.Contains("brightyellow", error.Message);
    }

    [Fact]
    public void No_color_chooses_monochrome_unless_empty()
    {
        Assert.Equal(
            "monochrome",
            Theme.Choose("high-contrast", new Dictionary<string, string?> { ["NO_COLOR"] = "1" })
        );
        Assert.Equal(
            "high-contrast",
            Theme.Choose("high-contrast", new Dictionary<string, string?> { ["NO_COLOR"] = "" })
        );
        Assert.Equal("default", Theme.Choose("default", new Dictionary<string, string?>()));
    }

    [Fact(Timeout = 120000)]
    public async Task Panel_with_unknown_theme_exits_2_listing_themes()
    {
        await using var fixture = await DeploymentFixture.CreateAsync();
        await File.AppendAllTextAsync(fixture.ConfigPath, "\n[ui]\ntheme = \"neon\"\n");

        var run = await ShootyProcess.RunAsync(["--config", fixture.ConfigPath]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("theme \"neon\" not found", run.Error);
        Assert.Contains("default, high-contrast, monochrome", run.Error);
        Assert.Equal("", run.Output);
    }
}
