using System.Data.Common;

namespace Sdr.Core.Data;

/// <summary>Helpers for the few statements written by hand on the hot paths (prepared once, re-bound per row).</summary>
public static class DbCommandExtensions
{
    /// <summary>Adds one untyped parameter per name (given without the '@'); returns them in that order, for re-binding.</summary>
    public static DbParameter[] AddParameters(this DbCommand command, params ReadOnlySpan<string> names)
    {
        var parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + names[i];
            command.Parameters.Add(parameter);
            parameters[i] = parameter;
        }

        return parameters;
    }
}
