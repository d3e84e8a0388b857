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
    public static bool Confirm(IApplication app, string title, string text, string action)
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = Theme.SchemePrefix + "dialog";
        dialog.Add(
            new Label
            {
                X = 1,
                Y = 1,
                Width = Dim.Fill(1),
                Height = Dim.Auto(),
                Text = Wrap(text, 70),
            }
        );
        var confirm = new Button { Text = action };
        var cancel = new Button { Text = "Cancel", IsDefault = true };
        dialog.AddButton(confirm);
        dialog.AddButton(cancel);
        dialog.Initialized += (_, _) => cancel.SetFocus();
        app.Run(dialog);
        return dialog.Result == 0;
    }

    public static void Info(IApplication app, string title, string text) =>
        Show(app, title, text, Theme.SchemePrefix + "dialog");

    public static void Error(IApplication app, string title, string text) =>
        Show(app, title, text, Theme.SchemePrefix + "error");

    private static void Show(IApplication app, string title, string text, string scheme)
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = scheme;
        dialog.Add(
            new Label
            {
                X = 1,
                Y = 1,
                Width = Dim.Fill(1),
                Height = Dim.Auto(),
                Text = Wrap(text, 70),
            }
        );
        var close = new Button { Text = "Close", IsDefault = true };
        dialog.AddButton(close);
        app.Run(dialog);
    }

    /// <summary>Wraps text at word boundaries so long messages fit an 80-column terminal.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }
}
