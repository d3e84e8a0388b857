using System.Text;

namespace ShootyTui.Core.Secrets;

public static partial class DotEnv
{
    /// <summary>A position in <c>.env</c> text that tracks its line number.</summary>
    private struct Cursor(string text)
    {
        private int _index;

        public int Line { get; private set; } = 1;

        /// <summary>Whether the last quoted value found its closing quote.</summary>
        public bool Closed { get; private set; }

        public readonly bool AtEnd => _index >= text.Length;

        public readonly bool AtLineEnd => AtEnd || text[_index] is '\n' or '\r';

        public readonly char Peek => AtEnd ? '\0' : text[_index];

        public void Advance()
        {
            if (text[_index] == '\n')
            {
                Line++;
            }

            _index++;
        }

        public void SkipBlanks()
        {
            while (!AtEnd && text[_index] is ' ' or '\t')
            {
                _index++;
            }
        }

        public void SkipToLineEnd()
        {
            while (!AtLineEnd)
            {
                _index++;
            }
        }

        public void NextLine()
        {
            if (!AtEnd && text[_index] == '\r')
            {
                _index++;
            }

            if (!AtEnd && text[_index] == '\n')
            {
                Advance();
            }
        }

        public string ReadName()
        {
            var start = _index;
            while (
                !AtEnd
                && (char.IsAsciiLetterOrDigit(text[_index]) || text[_index] is '_' or '.' or '-')
            )
            {
                _index++;
            }

            return text[start.._index];
        }

        public string ReadSingleQuoted()
        {
            var value = new StringBuilder();
            Closed = false;
            while (!AtEnd)
            {
                var c = Peek;
                Advance();
                if (c == '\'')
                {
                    Closed = true;
                    return value.ToString();
                }

                value.Append(c);
            }

            return value.ToString();
        }

        public string ReadDoubleQuoted()
        {
            var value = new StringBuilder();
            Closed = false;
            while (!AtEnd)
            {
                var c = Peek;
                Advance();
                if (c == '"')
                {
                    Closed = true;
                    return value.ToString();
                }

                if (c == '\\' && !AtEnd)
                {
                    var next = Peek;
                    Advance();
                    value.Append(Unescape(next));
                    continue;
                }

                value.Append(c);
            }

            return value.ToString();
        }

        public string ReadUnquoted()
        {
            var start = _index;
            while (!AtLineEnd)
            {
                // A # starts a comment only after whitespace, so "a#b" keeps its #.
                if (text[_index] == '#' && _index > start && text[_index - 1] is ' ' or '\t')
                {
                    break;
                }

                _index++;
            }

            var value = text[start.._index].TrimEnd(' ', '\t');
            SkipToLineEnd();
            return value;
        }

        private static string Unescape(char c) =>
            c switch
            {
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                '"' or '\\' or '$' or '`' => c.ToString(),
                '\n' => "",
                _ => "\\" + c,
            };
    }
}
