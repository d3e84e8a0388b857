using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShootyTui.Tui;

/// <summary>
/// A confirmation for actions that cannot be undone: the operator types a given word, such as
/// a short commit, before the action button is enabled. Cancel is the default button, so Enter
/// in the text field cancels, and the action needs Tab to its button and then Enter.
/// </summary>
internal static class TypedConfirm
{
    /// <summary>Returns true only when the expected word was typed and the action chosen.</summary>
    public static bool Ask(
        IApplication app,
        string title,
        string text,
        string expected,
        string action
    )
    {
        using var dialog = new Dialog
        {
            Title = title,
            Width = Dim.Percent(90),
            Height = Dim.Auto(),
        };
        dialog.SchemeName = Theme.SchemePrefix + "dialog";
        var width = Math.Max(30, app.Screen.Width * 9 / 10 - 6);
        var body = new Label
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Height = Dim.Auto(),
            Text = Dialogs.Wrap(
                $"{text}\n\nType {expected}, then press Tab and Enter to {action.ToLowerInvariant()}.",
                width
            ),
            HotKeySpecifier = Dialogs.NoHotKey,
        };
        var field = new TextField
        {
            X = 1,
            Y = Pos.Bottom(body) + 1,
            Width = Dim.Fill(1),
        };
        dialog.Add(body, field);

        var confirm = new Button { Text = action, Enabled = false };
        var cancel = new Button { Text = "Cancel", IsDefault = true };
        field.TextChanged += (_, _) => confirm.Enabled = Matches(field.Text, expected);
        dialog.AddButton(confirm);
        dialog.AddButton(cancel);
        dialog.Initialized += (_, _) => field.SetFocus();
        app.Run(dialog);
        return dialog.Result == 0 && Matches(field.Text, expected);
    }

    private static bool Matches(string typed, string expected) =>
        string.Equals(typed.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
