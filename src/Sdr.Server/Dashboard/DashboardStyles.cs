namespace Sdr.Server.Dashboard;

/// <summary>The dashboard's stylesheet, compiled into the assembly so the app needs no static-file folder.</summary>
internal static class DashboardStyles
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(DashboardStyles).Assembly.GetManifestResourceStream("Sdr.Server.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Get(HttpContext http)
    {
        var result = TypedResults.Bytes(Css.Value, "text/css; charset=utf-8");
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Task.CompletedTask;
        });
        return result;
    }
}
