using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace PartyAffairs.Tests.Support;

/// <summary>Stands in for the cookie or circuit principal: the test says who is signed in; the real CurrentUser does the rest.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal principal = new(new ClaimsIdentity());

    public void SignIn(string userId) =>
        principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test"));

    public void SignOut() => principal = new ClaimsPrincipal(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
}
