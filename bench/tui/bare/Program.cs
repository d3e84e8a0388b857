using Terminal.Gui.App;
using Terminal.Gui.Views;

// One window with one label, closed by Esc (Terminal.Gui's default quit key) or by a signal.
// run.sh waits for the label text to appear in the terminal to time the first frame.
using var app = Application.Create().Init();
using var window = new Window { Title = "bare Terminal.Gui" };
window.Add(
    new Label
    {
        X = 1,
        Y = 1,
        Text = "bare-tui ready",
    }
);
app.Run(window);
