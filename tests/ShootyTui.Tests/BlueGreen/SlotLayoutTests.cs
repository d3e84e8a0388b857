using ShootyTui.Core.Slots;
using ShootyTui.Tests.Support;

namespace ShootyTui.Tests.BlueGreen;

/// <summary>
/// The links of a blue-green layout on a real folder: <c>bot</c> points at
/// <c>bot-slots/current</c>, which points at the live slot.
/// </summary>
public class SlotLayoutTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly SlotLayout _layout;

    public SlotLayoutTests()
    {
        _layout = SlotLayout.For(_root.Combine("bot"));
        Directory.CreateDirectory(_root.Combine("bot-slots", "blue"));
        Directory.CreateDirectory(_root.Combine("bot-slots", "green"));
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void PointAt_makes_both_links_relative()
    {
        _layout.PointAt(SlotColor.Blue);

        Assert.Equal("bot-slots/current", new FileInfo(_layout.BotPath).LinkTarget);
        Assert.Equal("blue", new FileInfo(_layout.CurrentLink).LinkTarget);
        Assert.Equal(SlotColor.Blue, _layout.ReadLink());
        Assert.Equal(
            $"ln -sfn green {_layout.CurrentLink}",
            _layout.RelinkCommand(SlotColor.Green)
        );
    }

    [Fact]
    public void Switch_replaces_only_current()
    {
        _layout.PointAt(SlotColor.Blue);
        var inode = Inode(_layout.BotPath);

        _layout.PointAt(SlotColor.Green);

        Assert.Equal(SlotColor.Green, _layout.ReadLink());
        Assert.Equal("green", new FileInfo(_layout.CurrentLink).LinkTarget);
        Assert.Equal(inode, Inode(_layout.BotPath));
        Assert.False(Path.Exists(_layout.CurrentLink + ".switch"));
    }

    [Fact]
    public void Direct_link_is_read_then_moved_to_current()
    {
        // What `ln -sfn bot-slots/green bot` by hand leaves.
        File.CreateSymbolicLink(_layout.BotPath, _root.Combine("bot-slots", "green"));

        Assert.Equal(SlotColor.Green, _layout.ReadLink());
        Assert.Equal(
            $"ln -sfn {_layout.PathOf(SlotColor.Blue)} {_layout.BotPath}",
            _layout.RelinkCommand(SlotColor.Blue)
        );

        _layout.PointAt(SlotColor.Blue);

        Assert.Equal("bot-slots/current", new FileInfo(_layout.BotPath).LinkTarget);
        Assert.Equal(SlotColor.Blue, _layout.ReadLink());
    }

    [Fact]
    public void Current_link_elsewhere_names_the_repair()
    {
        _layout.PointAt(SlotColor.Blue);
        File.Delete(_layout.CurrentLink);
        File.CreateSymbolicLink(_layout.CurrentLink, "/tmp");

        var error = Assert.Throws<SlotException>(() => _layout.ReadLink());

        Assert.Contains($"{_layout.BotPath} leads to /tmp, which is not a slot", error.Message);
        Assert.Contains($"`ln -sfn blue {_layout.CurrentLink}`", error.Message);
    }

    [Fact]
    public void RemoveLinks_leaves_the_slots()
    {
        _layout.PointAt(SlotColor.Green);

        _layout.RemoveLinks();

        Assert.False(_layout.IsConverted);
        Assert.False(Path.Exists(_layout.CurrentLink));
        Assert.Null(_layout.ReadLink());
        Assert.True(Directory.Exists(_layout.PathOf(SlotColor.Green)));
        Assert.True(Directory.Exists(_layout.PathOf(SlotColor.Blue)));
    }

    private static ulong Inode(string path)
    {
        var output = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path])
            {
                RedirectStandardOutput = true,
            }
        )!;
        var text = output.StandardOutput.ReadToEnd();
        output.WaitForExit();
        return ulong.Parse(text.Trim());
    }
}
