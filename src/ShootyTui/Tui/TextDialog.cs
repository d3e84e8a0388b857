using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>A modal one-line text question; masked for passphrases.</summary>
internal static class TextDialog
{
    /// <summary>Returns the text entered, or null when cancelled.</summary>
    public static string? Ask(
        IApplication app,
        string title,
        string question,
        string initial,
        bool secret = false,
        string? note = null
    )
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = Theme.SchemePrefix + "dialog";
        var label = new Label
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Text = question,
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        var field = new TextField
        {
            X = 1,
            Y = 2,
            Width = Dim.Fill(1),
            Text = initial,
            Secret = secret,
        };
        dialog.Add(label, field);
        if (note is not null)
        {
            dialog.Add(
                new Label
                {
                    X = 1,
                    Y = 4,
                    Width = Dim.Fill(1),
                    Height = Dim.Auto(),
                    Text = Dialogs.Wrap(note, Math.Max(30, app.Screen.Width * 9 / 10 - 6)),
                    HotKeySpecifier = Dialogs.NoHotKey,
                }
            );
        }

        var ok = new Button { Text = "OK", IsDefault = true };
        var cancel = new Button { Text = "Cancel" };
        dialog.AddButton(cancel);
        dialog.AddButton(ok);
        dialog.Initialized += (_, _) => field.SetFocus();
        app.Run(dialog);
        var text = field.Text;
        if (secret)
        {
            field.Text = "";
        }

        return dialog.Result == 1 ? text : null;
    }
}
