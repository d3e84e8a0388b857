using System.Globalization;
using System.Text;
using ShootyTui.Core;
using Terminal.Gui.App;

namespace ShootyTui.Tui;

/// <summary>
/// The masked passphrase prompt for the bot's secrets. It is modal, so no panel key fires
/// while it is open, and it shows how long the secrets stay unlocked.
/// </summary>
internal static class UnlockDialog
{
    /// <summary>Returns the passphrase as UTF-8 bytes (zero them after use), or null.</summary>
    /// <remarks>
    /// NOTE: the text field keeps the typed text as an immutable string, which cannot be zeroed.
    /// The field is emptied and the string dropped at once.
    /// </remarks>
    public static byte[]? Ask(IApplication app, Deployment deployment)
    {
        var lifetime = Deployment.UnlockLifetime;
        var until = deployment.Time.GetLocalNow() + lifetime;
        var text = TextDialog.Ask(
            app,
            "Unlock secrets",
            $"Passphrase for {deployment.Secrets!.EncryptedFile}:",
            "",
            secret: true,
            note: $"The secrets stay unlocked in this panel for {lifetime.TotalMinutes:0} minutes "
                + $"(until {until.ToString("HH:mm", CultureInfo.InvariantCulture)}): every start, "
                + "restart and update in that time gives them to the bot. Nothing is written "
                + "to disk."
        );
        return string.IsNullOrEmpty(text) ? null : Encoding.UTF8.GetBytes(text);
    }
}
