using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Sdr.Core.Configuration;

/// <summary>
/// Rejects keys the options class does not know (a typo must not silently fall back to a default).
/// The binder's own ErrorOnUnknownConfiguration ignores [ConfigurationKeyName], hence this.
/// </summary>
internal sealed class UnknownKeysValidator<T>(IConfiguration configuration, string sectionName) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(typeof(T), configuration.GetSection(sectionName), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(Type type, IConfigurationSection section, List<string> failures)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                failures.Add($"{child.Path} is not a known setting (known: {string.Join(", ", properties.Keys)}).");
                continue;
            }

            var valueType = DictionaryValueType(property.PropertyType);
            // A dictionary of dictionaries (templates per category and variant) holds free keys all the way down.
            if (valueType is not null && valueType.IsClass && valueType != typeof(string) && DictionaryValueType(valueType) is null)
            {
                foreach (var entry in child.GetChildren())
                {
                    Check(valueType, entry, failures);
                }
            }
            else if (IsNestedSection(property.PropertyType))
            {
                Check(property.PropertyType, child, failures);
            }
        }
    }

    // A property whose type is itself a settings class (sdr:qualification:handoff) is a nested section.
    private static bool IsNestedSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type) ? type.GetGenericArguments()[1] : null;
}
