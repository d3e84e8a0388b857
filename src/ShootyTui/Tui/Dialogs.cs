using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// Modal dialogs. Confirmations default to Cancel: Cancel is the default button and has focus,
/// so an Enter pressed by habit or by key repeat never confirms.
/// </summary>
internal static class Dialogs
{
    /// <summary>A hot key marker that never occurs, so underscores in text stay visible.</summary>
    public static readonly System.Text.Rune NoHotKey = new(0xFFFF);

    public static bool Confirm(IApplication app, string title, string text, string action)
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = Theme.SchemePrefix + "dialog";
        dialog.Add(Body(app, text));
        var confirm = new Button { Text = action };
        var cancel = new Button { Text = "Cancel", IsDefault = true };
        dialog.AddButton(confirm);
        dialog.AddButton(cancel);
        dialog.Initialized += (_, _) => cancel.SetFocus();
        app.Run(dialog);
        return dialog.Result == 0;
    }

    /// <param name="cutNote">Replaces the lines cut from a text too tall for the screen.</param>
    public static void Info(
        IApplication app,
        string title,
        string text,
        string cutNote = LogHasEveryLine
    ) => Show(app, title, text, Theme.SchemePrefix + "dialog", cutNote);

    public static void Error(IApplication app, string title, string text) =>
        Show(app, title, text, Theme.SchemePrefix + "error", LogHasEveryLine);

    private const string LogHasEveryLine = "cut to fit; the log has every line";

    private static void Show(
        IApplication app,
        string title,
        string text,
        string scheme,
        string cutNote
    )
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = scheme;
        dialog.Add(Body(app, text, cutNote));
        var close = new Button { Text = "Close", IsDefault = true };
        dialog.AddButton(close);
        app.Run(dialog);
    }

    private static Label Body(IApplication app, string text, string cutNote = LogHasEveryLine) =>
        new()
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Height = Dim.Auto(),
            Text = Fit(app, text, cutNote),
            HotKeySpecifier = NoHotKey,
        };

    /// <summary>
    /// Wraps text to the dialog width and cuts lines from its middle to fit the screen height,
    /// so the dialog's title and buttons always stay visible.
    /// </summary>
    private static string Fit(IApplication app, string text, string cutNote)
    {
        var lines = Wrap(text, Math.Max(30, app.Screen.Width * 9 / 10 - 6)).Split('\n');
        var room = Math.Max(3, app.Screen.Height - 8);
        if (lines.Length <= room)
        {
            return string.Join("\n", lines);
        }

        // Keep the start (what failed) and the end (usually the error itself).
        var head = (room - 1) / 2;
        var tail = room - 1 - head;
        return string.Join("\n", lines.Take(head))
            + $"\n  … ({cutNote})\n"
            + string.Join("\n", lines.TakeLast(tail));
    }

    /// <summary>Wraps text at word boundaries so long messages fit an 80-column terminal.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            if (paragraph.Length <= width)
            {
                lines.Add(paragraph);
                continue;
            }

            var indent = paragraph[..(paragraph.Length - paragraph.TrimStart().Length)];
            var line = indent;
            foreach (var word in paragraph.Split(' '))
            {
                if (word.Length == 0)
                {
                    continue;
                }

                if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line);
                    line = indent + word;
                }
                else
                {
                    line = line.Length == indent.Length ? line + word : line + " " + word;
                }
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }
}
