namespace ShootyTui.Core.Demo;

/// <summary>A commit author and committer of the demo bot's history.</summary>
internal sealed record DemoAuthor(string Name, string Email)
{
    // Fictional people. The .example top-level domain is reserved by RFC 2606 and never resolves.
    public static readonly DemoAuthor Maya = new("Maya Lindqvist", "maya@shootybot.example");
    public static readonly DemoAuthor Tomas = new("Tomás Ortega", "tomas@shootybot.example");
    public static readonly DemoAuthor Priya = new("Priya Raman", "priya@shootybot.example");

    /// <summary>The identity configured in the upstream clone and used for break commits.</summary>
    public static readonly DemoAuthor Robin = new("Robin Vale", "robin@shootybot.example");
}
