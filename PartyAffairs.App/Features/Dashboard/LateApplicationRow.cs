using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>An application for disclosure still open past its due date (<see cref="ApplicationCounting.LateOn"/>).</summary>
public sealed record LateApplicationRow(int Id, string Subject, string OrganizationName, ApplicationState State, DateOnly DueOn);
