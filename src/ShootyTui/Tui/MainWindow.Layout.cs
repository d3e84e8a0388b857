using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace ShootyTui.Tui;

internal sealed partial class MainWindow
{
    /// <summary>At this size and above, the Overview and the list panel sit beside the details.</summary>
    public static readonly Size WideSize = new(80, 24);

    /// <summary>Below this size nothing useful fits, so the window shows a notice and still quits on q.</summary>
    public static readonly Size MinimumSize = new(40, 12);

    /// <summary>Seven rows and the frame, and one row more for the second blue-green slot.</summary>
    private int OverviewHeight =>
        _deployment.Config.Update.Strategy == Core.Configuration.UpdateStrategy.BlueGreen ? 10 : 9;

    private enum ScreenFit
    {
        Wide,
        Stacked,
        TooSmall,
    }

    private ScreenFit _layout = ScreenFit.Wide;

    private void OnScreenChanged(object? sender, EventArgs<Rectangle> e) => ApplyLayout();

    /// <summary>Lays the views out for the current screen size; called again on every resize.</summary>
    private void ApplyLayout()
    {
        var screen = _app.Screen.Size;
        var previous = _layout;
        _layout =
            screen.Width < MinimumSize.Width || screen.Height < MinimumSize.Height
                ? ScreenFit.TooSmall
            : screen.Width < WideSize.Width || screen.Height < WideSize.Height ? ScreenFit.Stacked
            : ScreenFit.Wide;

        var fits = _layout != ScreenFit.TooSmall;
        _header.Visible = fits;
        _listFrame.Visible = fits;
        _detailFrame.Visible = fits;
        _statusLine.Visible = fits;
        _overviewFrame.Visible = _layout == ScreenFit.Wide;
        _tooSmall.Visible = !fits;
        _tooSmall.Text =
            $"terminal too small\nneed {MinimumSize.Width}x{MinimumSize.Height}, "
            + $"have {screen.Width}x{screen.Height}\nq quits";
        _tooSmall.Y = Pos.Center();
        _tooSmall.Height = 3;

        if (_layout == ScreenFit.Wide)
        {
            var side = SideWidth(screen.Width);
            Place(_overviewFrame, 0, 1, side, OverviewHeight);
            _listFrame.X = 0;
            _listFrame.Y = Pos.Bottom(_overviewFrame);
            _listFrame.Width = side;
            _listFrame.Height = Dim.Fill(1);
            _detailFrame.X = Pos.Right(_listFrame);
            _detailFrame.Y = 1;
            _detailFrame.Width = Dim.Fill();
            _detailFrame.Height = Dim.Fill(1);
        }
        else if (_layout == ScreenFit.Stacked)
        {
            Place(_listFrame, 0, 1, Dim.Fill(), Math.Max(5, (screen.Height - 2) / 2));
            _detailFrame.X = 0;
            _detailFrame.Y = Pos.Bottom(_listFrame);
            _detailFrame.Width = Dim.Fill();
            _detailFrame.Height = Dim.Fill(1);
        }

        if (previous != _layout && IsInitialized)
        {
            FocusCurrent();
        }

        RenderPanels();
        RenderStatusLine();
    }

    private static void Place(View view, Pos x, Pos y, Dim width, Dim height)
    {
        view.X = x;
        view.Y = y;
        view.Width = width;
        view.Height = height;
    }

    private static int SideWidth(int screenWidth) => Math.Clamp(screenWidth * 2 / 5, 32, 60);

    /// <summary>
    /// The width text in the detail pane is wrapped to, from the screen size rather than the
    /// frame, which is laid out only after a resize has been handled.
    /// </summary>
    private int DetailWidth()
    {
        var width = _app.Screen.Width;
        var inner = _layout == ScreenFit.Wide ? width - SideWidth(width) - 2 : width - 2;
        return Math.Max(20, inner);
    }
}
