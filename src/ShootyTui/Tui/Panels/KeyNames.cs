using Terminal.Gui.Input;

namespace ShootyTui.Tui.Panels;

/// <summary>Names keys the way <see cref="PanelKey.Key"/> lists them.</summary>
internal static class KeyNames
{
    /// <summary>
    /// The typed character for printable keys ("u", "R", "/"), so a shifted letter compares
    /// equal however the terminal reported the shift; the key's name otherwise.
    /// </summary>
    public static string Text(Key key)
    {
        var rune = key.AsRune.Value;
        if (rune is <= 32 or >= 127 || key.IsCtrl || key.IsAlt)
        {
            return key.ToString();
        }

        var text = ((char)rune).ToString();
        return key.IsShift ? text.ToUpperInvariant() : text;
    }
}
