using System.Globalization;
using System.Reflection;

namespace NlpTransfer.Tests.Text;

/// <summary>
/// Tells whether this process runs in globalization-invariant mode. Compiled into both test assemblies (the
/// integration tests link this file) so that their child-process entry points report the mode the same way.
/// </summary>
internal static class GlobalizationProbe
{
    /// <summary>Whether this process runs in globalization-invariant mode.</summary>
    public static bool IsInvariantGlobalization()
    {
        PropertyInfo? property = typeof(object).Assembly.GetType("System.Globalization.GlobalizationMode")
            ?.GetProperty("Invariant", BindingFlags.NonPublic | BindingFlags.Static);
        if (property?.GetValue(null) is bool invariant)
        {
            return invariant;
        }

        try
        {
            return CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberDecimalSeparator == ".";
        }
        catch (CultureNotFoundException)
        {
            return true;
        }
    }
}
