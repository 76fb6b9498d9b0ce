using Microsoft.AspNetCore.Mvc;

namespace Sdr.Server.Endpoints;

internal static class NotFoundProblem
{
    public static ProblemDetails For(string what, string contactId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"No {what} for this contact",
        Detail = $"Contact '{contactId}' was never enrolled.",
    };
}
