using System.Globalization;
using System.Text.Json.Nodes;

namespace Sdr.Sandbox.Reso;

/// <summary>
/// The subset of OData <c>$filter</c> a RESO client sends: comparisons (<c>eq ne gt ge lt le</c>) of a field
/// with a string, number, date-time or <c>null</c>; <c>in ('a','b')</c>; <c>and</c>, <c>or</c>, <c>not</c> and
/// parentheses. Anything else is a <see cref="FormatException"/> (answered 400, as a RESO server does).
/// </summary>
internal static class ODataFilter
{
    public static Func<JsonObject, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        var parser = new Parser(Tokenize(filter));
        var predicate = parser.Or();
        parser.ExpectEnd();
        return predicate;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                var value = new System.Text.StringBuilder("'");
                while (true)
                {
                    if (end >= text.Length)
                    {
                        throw new FormatException("unterminated string literal in $filter");
                    }

                    if (text[end] == '\'' && end + 1 < text.Length && text[end + 1] == '\'')
                    {
                        value.Append('\'');
                        end += 2;
                        continue;
                    }

                    if (text[end] == '\'')
                    {
                        break;
                    }

                    value.Append(text[end++]);
                }

                tokens.Add(value.ToString());
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('(' or ')' or ','))
                {
                    end++;
                }

                tokens.Add(text[i..end]);
                i = end;
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;

        public void ExpectEnd()
        {
            if (_at < tokens.Count)
            {
                throw new FormatException($"unexpected '{tokens[_at]}' in $filter");
            }
        }

        public Func<JsonObject, bool> Or()
        {
            var left = And();
            while (Accept("or"))
            {
                var (a, b) = (left, And());
                left = p => a(p) || b(p);
            }

            return left;
        }

        private Func<JsonObject, bool> And()
        {
            var left = Unary();
            while (Accept("and"))
            {
                var (a, b) = (left, Unary());
                left = p => a(p) && b(p);
            }

            return left;
        }

        private Func<JsonObject, bool> Unary()
        {
            if (Accept("not"))
            {
                var inner = Unary();
                return p => !inner(p);
            }

            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            return Comparison();
        }

        private Func<JsonObject, bool> Comparison()
        {
            var field = Next();
            if (!char.IsLetter(field[0]))
            {
                throw new FormatException($"expected a field name in $filter, found '{field}'");
            }

            var op = Next().ToLowerInvariant();
            if (op == "in")
            {
                Expect("(");
                var values = new List<object?> { Literal(Next()) };
                while (Accept(","))
                {
                    values.Add(Literal(Next()));
                }

                Expect(")");
                return p => values.Any(v => Compare(p[field], v) == 0);
            }

            var literal = Literal(Next());
            return op switch
            {
                "eq" => p => Compare(p[field], literal) == 0,
                "ne" => p => Compare(p[field], literal) != 0,
                "gt" => p => Compare(p[field], literal) is > 0 and < int.MaxValue,
                "ge" => p => Compare(p[field], literal) is >= 0 and < int.MaxValue,
                "lt" => p => Compare(p[field], literal) < 0,
                "le" => p => Compare(p[field], literal) <= 0,
                _ => throw new FormatException($"unsupported operator '{op}' in $filter"),
            };
        }

        /// <summary>Negative, zero or positive; <see cref="int.MaxValue"/> when either side is null and the other is not (never ordered).</summary>
        private static int Compare(JsonNode? value, object? literal)
        {
            if (value is null || literal is null)
            {
                return value is null && literal is null ? 0 : int.MaxValue;
            }

            return literal switch
            {
                string text => string.Compare(value.GetValue<string>(), text, StringComparison.Ordinal) switch { < 0 => -1, 0 => 0, _ => 1 },
                decimal number => value.GetValue<decimal>().CompareTo(number),
                DateTimeOffset at => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).CompareTo(at),
                _ => int.MaxValue,
            };
        }

        private static object? Literal(string token)
        {
            if (token.StartsWith('\''))
            {
                return token[1..];
            }

            if (token == "null")
            {
                return null;
            }

            if (token.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }

            return decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FormatException($"'{token}' is not a literal OData understands");
        }

        private string Next() => _at < tokens.Count ? tokens[_at++] : throw new FormatException("$filter ends too early");

        private bool Accept(string token)
        {
            if (_at < tokens.Count && string.Equals(tokens[_at], token, StringComparison.OrdinalIgnoreCase))
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FormatException($"expected '{token}' in $filter");
            }
        }
    }
}
