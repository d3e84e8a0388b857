namespace ShootyTui.Core.Adoption;

/// <summary>
/// What <see cref="CheckoutInspector"/> found in an existing bot checkout, each choice with the
/// reason an operator reads in the generated shooty.toml.
/// </summary>
public sealed record CheckoutFacts
{
    public required string Path { get; init; }

    public required string Name { get; init; }

    public required string Remote { get; init; }

    public required string Branch { get; init; }

    public Finding<string>? Virtualenv { get; init; }

    public Finding<string>? Requirements { get; init; }

    public Finding<string>? Database { get; init; }

    public Finding<string>? Heartbeat { get; init; }

    public required Finding<RunMethod> Run { get; init; }

    /// <summary>
    /// Blue-green when the checkout is already a slot link or the operator chose it. Null
    /// keeps the in-place default.
    /// </summary>
    public Finding<Configuration.UpdateStrategy>? Strategy { get; init; }

    /// <summary>True when the checkout path is already a link to the live one of two slots.</summary>
    public bool SlotLink { get; init; }

    /// <summary>
    /// True when <see cref="Database"/> was found in <see cref="SharedDataFolder"/>, relative to
    /// it, rather than in the checkout.
    /// </summary>
    public bool DatabaseShared { get; init; }

    /// <summary>The folder beside the checkout that both blue-green slots share.</summary>
    public string SharedDataFolder => Path + "-data";
}

/// <summary>A value and why it was chosen.</summary>
public sealed record Finding<T>(T Value, string Reason);

/// <summary>How the bot is started today.</summary>
public sealed record RunMethod(
    Supervision.SupervisorKind Supervisor,
    string? Start = null,
    string? Stop = null,
    string? IsRunning = null,
    string? Unit = null
);
