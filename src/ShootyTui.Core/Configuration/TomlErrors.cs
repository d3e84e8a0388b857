using System.Text.RegularExpressions;
using ShootyTui.Core.Configuration.Toml;
using Tomlyn;
using Tomlyn.Syntax;

namespace ShootyTui.Core.Configuration;

/// <summary>
/// Turns Tomlyn's syntax and conversion diagnostics into <see cref="ConfigError"/>s.
/// </summary>
internal static partial class TomlErrors
{
    public static List<ConfigError> FromSyntax(
        DocumentSyntax document,
        TomlSourceMap map,
        string filePath
    ) =>
        document
            .Diagnostics.Where(diagnostic => diagnostic.Kind == DiagnosticMessageKind.Error)
            .Select(diagnostic =>
            {
                var position = SourcePosition.From(diagnostic.Span.Start);
                var detail = "invalid TOML: " + LowerFirst(diagnostic.Message);
                return Create(filePath, position, map, detail);
            })
            .DistinctBy(error => (error.Line, error.Column))
            .OrderBy(error => error.Line)
            .ThenBy(error => error.Column)
            .ToList();

    /// <summary>
    /// Converts the errors of a failed deserialization.
    /// </summary>
    /// <remarks>
    /// NOTE: Tomlyn 2.11.1 collects the values that do not fit their properties only until it
    /// finishes the table that contains the first one, so wrong types in later tables show up once
    /// the first are fixed.
    /// </remarks>
    public static List<ConfigError> FromConversion(
        TomlException exception,
        TomlSourceMap map,
        string filePath
    )
    {
        var errors = exception
            .Diagnostics.Select(diagnostic =>
                Create(
                    filePath,
                    SourcePosition.From(diagnostic.Span.Start),
                    map,
                    DescribeConversion(diagnostic.Message)
                )
            )
            .ToList();
        if (errors.Count == 0)
        {
            var position =
                exception.Line is { } line && exception.Column is { } column
                    ? new SourcePosition(line, column)
                    : SourcePosition.FileStart;
            errors.Add(Create(filePath, position, map, DescribeConversion(exception.Message)));
        }

        return errors;
    }

    private static ConfigError Create(
        string filePath,
        SourcePosition position,
        TomlSourceMap map,
        string detail
    ) => new(filePath, position.Line, position.Column, map.KeyAt(position) ?? "", detail);

    private static string DescribeConversion(string message)
    {
        var mismatch = TokenMismatch().Match(message);
        if (mismatch.Success)
        {
            var expected = mismatch.Groups["expected"].Value;
            var hint = expected == "String" ? "; put the value in double quotes" : "";
            var expectedText = expected == "Boolean" ? "true or false" : DescribeToken(expected);
            var found = DescribeToken(mismatch.Groups["found"].Value);
            return $"invalid type: expected {expectedText}, found {found}{hint}";
        }

        // Tomlyn wraps the cause as "... Reason: (l,c) : error : <cause>".
        var reason = Reason().Match(message);
        var cause = reason.Success ? reason.Groups["cause"].Value : Location().Replace(message, "");
        return "invalid value: " + LowerFirst(cause.Trim().TrimEnd('.'));
    }

    private static string DescribeToken(string token) =>
        token switch
        {
            "String" => "a string",
            "Integer" => "an integer",
            "Float" => "a number",
            "Boolean" => "a boolean",
            "DateTime" => "a date or time",
            "StartTable" => "a table",
            "StartArray" => "an array",
            _ => token.ToLowerInvariant(),
        };

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;

    [GeneratedRegex(@"Expected (?<expected>\w+) token but was (?<found>\w+)")]
    private static partial Regex TokenMismatch();

    [GeneratedRegex(@"Reason: \(\d+,\d+\) : error : (?<cause>.*)$", RegexOptions.Singleline)]
    private static partial Regex Reason();

    [GeneratedRegex(@"^.*?\(\d+,\d+\) : error : ")]
    private static partial Regex Location();
}
