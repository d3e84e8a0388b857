using ShootyTui.Core.Configuration;
using ShootyTui.Core.Schedule;

namespace ShootyTui.Tests.Schedule;

public class MaintenanceWindowsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById(
        "Europe/Berlin"
    );

    private static MaintenanceConfig Config(
        string[] windows,
        DayOfWeek[]? blackoutDays = null,
        DateOnly[]? blackoutDates = null
    ) =>
        new()
        {
            Timezone = Berlin.Id,
            TimeZone = Berlin,
            Windows = windows,
            WindowRanges = windows.Select(MaintenanceWindow.Parse).ToList(),
            BlackoutDays = blackoutDays ?? [],
            BlackoutDates = blackoutDates ?? [],
        };

    private static bool Open(MaintenanceConfig config, string utc) =>
        MaintenanceWindows.IsOpen(config, DateTimeOffset.Parse(utc), out _);

    [Theory]
    [InlineData("2026-12-01T20:59:00Z", false)] // 21:59 local
    [InlineData("2026-12-01T21:00:00Z", true)] // 22:00
    [InlineData("2026-12-01T22:30:00Z", true)] // 23:30
    [InlineData("2026-12-01T23:30:00Z", true)] // 00:30 the next day
    [InlineData("2026-12-02T00:00:00Z", false)] // 01:00, the end is exclusive
    public void Window_crossing_midnight_is_open_on_both_sides(string utc, bool open)
    {
        Assert.Equal(open, Open(Config(["22:00-01:00"]), utc));
    }

    [Fact]
    public void Several_windows_per_day_each_open()
    {
        var config = Config(["02:00-03:00", "14:00-15:00"]);

        Assert.True(Open(config, "2026-12-01T01:30:00Z"));
        Assert.True(Open(config, "2026-12-01T13:30:00Z"));
        Assert.False(Open(config, "2026-12-01T10:00:00Z"));
    }

    [Fact]
    public void Blackout_day_closes_windows_that_start_on_it()
    {
        // 2026-12-05 is a Saturday.
        var config = Config(["22:00-01:00"], blackoutDays: [DayOfWeek.Saturday]);

        Assert.False(Open(config, "2026-12-05T22:30:00Z")); // Saturday 23:30
        Assert.False(Open(config, "2026-12-05T23:30:00Z")); // Sunday 00:30, started Saturday
        Assert.True(Open(config, "2026-12-06T22:30:00Z")); // Sunday 23:30
    }

    [Fact]
    public void Blackout_date_closes_its_windows_and_says_why()
    {
        var config = Config(["02:00-06:00"], blackoutDates: [new DateOnly(2026, 12, 24)]);

        Assert.False(
            MaintenanceWindows.IsOpen(
                config,
                DateTimeOffset.Parse("2026-12-24T02:00:00Z"),
                out var reason
            )
        );
        Assert.Contains("2026-12-24 is a blackout date", reason);
        Assert.True(Open(config, "2026-12-25T02:00:00Z"));
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", false)] // 01:59 CET, before the jump
    [InlineData("2026-03-29T01:00:00Z", true)] // 03:00 CEST, the first valid minute
    [InlineData("2026-03-29T01:59:00Z", true)] // 03:59 CEST
    [InlineData("2026-03-29T02:00:00Z", false)] // 04:00 CEST
    public void Window_starting_in_skipped_hour_opens_at_first_valid_minute(string utc, bool open)
    {
        Assert.Equal(open, Open(Config(["02:30-04:00"]), utc));
    }

    [Fact]
    public void Window_inside_skipped_hour_keeps_its_length()
    {
        var config = Config(["02:00-02:30"]);

        Assert.True(Open(config, "2026-03-29T01:10:00Z")); // 03:10 CEST
        Assert.False(Open(config, "2026-03-29T01:31:00Z")); // 03:31 CEST
    }

    [Theory]
    [InlineData("2026-10-25T00:15:00Z", true)] // 02:15 CEST, first pass
    [InlineData("2026-10-25T01:15:00Z", false)] // 02:15 CET, the hour repeated
    [InlineData("2026-10-25T01:45:00Z", false)] // 02:45 CET
    public void Repeated_hour_runs_the_window_once(string utc, bool open)
    {
        Assert.Equal(open, Open(Config(["02:00-02:30"]), utc));
    }

    [Fact]
    public void No_windows_means_always_open_but_blackouts_hold()
    {
        var config = Config([], blackoutDays: [DayOfWeek.Friday]);

        Assert.True(Open(config, "2026-12-03T12:00:00Z")); // Thursday
        Assert.False(Open(config, "2026-12-04T12:00:00Z")); // Friday
    }
}

public class NextOpeningTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById(
        "Europe/Berlin"
    );

    private static MaintenanceConfig Config(string[] windows, DayOfWeek[]? blackoutDays = null) =>
        new()
        {
            Timezone = Berlin.Id,
            TimeZone = Berlin,
            Windows = windows,
            WindowRanges = windows.Select(MaintenanceWindow.Parse).ToList(),
            BlackoutDays = blackoutDays ?? [],
            BlackoutDates = [],
        };

    [Fact]
    public void Next_opening_is_the_next_window_start_skipping_blackouts()
    {
        // Friday 2026-12-04 12:00 UTC (13:00 Berlin); Saturday is blacked out.
        var config = Config(["02:00-06:00"], [DayOfWeek.Saturday]);

        var next = MaintenanceWindows.NextOpening(
            config,
            DateTimeOffset.Parse("2026-12-04T12:00:00Z")
        );

        Assert.Equal(DateTimeOffset.Parse("2026-12-06T01:00:00Z"), next); // Sunday 02:00 CET
    }

    [Fact]
    public void Next_opening_is_now_inside_a_window()
    {
        var now = DateTimeOffset.Parse("2026-12-04T02:00:00Z");

        Assert.Equal(now, MaintenanceWindows.NextOpening(Config(["02:00-06:00"]), now));
    }

    [Fact]
    public void Next_opening_is_null_when_every_day_is_blacked_out()
    {
        var config = Config(["02:00-06:00"], Enum.GetValues<DayOfWeek>());

        Assert.Null(
            MaintenanceWindows.NextOpening(config, DateTimeOffset.Parse("2026-12-04T12:00:00Z"))
        );
    }
}
