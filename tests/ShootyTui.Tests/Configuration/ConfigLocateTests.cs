using ShootyTui.Core.Configuration;
using Xunit;

namespace ShootyTui.Tests.Configuration;

public sealed class ConfigLocateTests : IDisposable
{
    private readonly ConfigTestFolder _folder = new();

    public ConfigLocateTests()
    {
        WorkingDirectory = Path.Join(_folder.Root, "work");
        Directory.CreateDirectory(WorkingDirectory);
    }

    public void Dispose() => _folder.Dispose();

    private string WorkingDirectory { get; }

    private string UserConfig => Path.Join(_folder.Home, ".config", "shooty", "shooty.toml");

    private string? Locate(string? explicitPath = null) =>
        ConfigLoader.Locate(explicitPath, _folder.Environment, WorkingDirectory);

    [Fact]
    public void Explicit_path_comes_first()
    {
        var explicitPath = _folder.Write("explicit.toml", ConfigText.Minimal);
        _folder.Environment["SHOOTY_CONFIG"] = _folder.Write("env.toml", ConfigText.Minimal);
        _folder.Write("work/shooty.toml", ConfigText.Minimal);

        Assert.Equal(explicitPath, Locate(explicitPath));
    }

    [Fact]
    public void Explicit_relative_path_resolves_against_current_directory()
    {
        var path = _folder.Write("work/conf/mine.toml", ConfigText.Minimal);

        Assert.Equal(path, Locate("conf/mine.toml"));
    }

    [Fact]
    public void Environment_variable_comes_before_current_directory()
    {
        var envPath = _folder.Write("env.toml", ConfigText.Minimal);
        _folder.Environment["SHOOTY_CONFIG"] = envPath;
        _folder.Write("work/shooty.toml", ConfigText.Minimal);

        Assert.Equal(envPath, Locate());
    }

    [Fact]
    public void Current_directory_comes_before_user_config()
    {
        var local = _folder.Write("work/shooty.toml", ConfigText.Minimal);
        _folder.Write(Path.GetRelativePath(_folder.Root, UserConfig), ConfigText.Minimal);

        Assert.Equal(local, Locate());
    }

    [Fact]
    public void User_config_defaults_to_home_config_directory()
    {
        _folder.Write(Path.GetRelativePath(_folder.Root, UserConfig), ConfigText.Minimal);

        Assert.Equal(UserConfig, Locate());
    }

    [Fact]
    public void User_config_follows_xdg_config_home()
    {
        _folder.Environment["XDG_CONFIG_HOME"] = Path.Join(_folder.Root, "xdg");
        var xdgPath = _folder.Write("xdg/shooty/shooty.toml", ConfigText.Minimal);
        _folder.Write(Path.GetRelativePath(_folder.Root, UserConfig), ConfigText.Minimal);

        Assert.Equal(xdgPath, Locate());
    }

    [Fact]
    public void Locate_returns_null_when_nothing_exists()
    {
        Assert.Null(Locate());
    }

    [Fact]
    public void Load_reads_located_file()
    {
        _folder.Write("work/shooty.toml", ConfigText.Minimal.Replace("testbot", "located"));

        var config = ConfigLoader.Load(null, _folder.Environment, WorkingDirectory);

        Assert.Equal("located", config.Bot.Name);
        Assert.Equal(Path.Join(WorkingDirectory, "shooty.toml"), config.FilePath);
    }

    [Fact]
    public void Load_lists_every_place_looked()
    {
        var exception = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(null, _folder.Environment, WorkingDirectory)
        );

        Assert.Contains("no config file found; looked in:", exception.Message);
        Assert.Contains("--config: not given", exception.Message);
        Assert.Contains("$SHOOTY_CONFIG: not set", exception.Message);
        Assert.Contains(
            Path.Join(WorkingDirectory, "shooty.toml") + ": not found",
            exception.Message
        );
        Assert.Contains(UserConfig + ": not found", exception.Message);
        Assert.Contains("shooty init", exception.Message);
        Assert.Equal(0, exception.Line);
    }

    [Fact]
    public void Load_names_missing_explicit_file()
    {
        var missing = Path.Join(_folder.Root, "missing.toml");
        _folder.Write("work/shooty.toml", ConfigText.Minimal);

        var exception = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(missing, _folder.Environment, WorkingDirectory)
        );

        Assert.Equal(missing, exception.FilePath);
        Assert.Equal(
            $"{missing}: config file not found; check the --config path",
            exception.Message
        );
    }

    [Fact]
    public void Load_names_missing_file_from_environment()
    {
        var missing = Path.Join(_folder.Root, "missing.toml");
        _folder.Environment["SHOOTY_CONFIG"] = missing;
        _folder.Write("work/shooty.toml", ConfigText.Minimal);

        var exception = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(null, _folder.Environment, WorkingDirectory)
        );

        Assert.Equal(missing, exception.FilePath);
        Assert.Contains("$SHOOTY_CONFIG", exception.Message);
    }
}
