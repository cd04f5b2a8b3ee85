namespace PartyAffairs.App.Domain;

/// <summary>
/// A period of the bureau's days as <see cref="ApplicationCounting"/> reads it: from <see cref="StartUtc"/> (the first
/// instant of its first day, in the bureau's zone) up to, not including, <see cref="EndUtc"/> (the first instant of the day
/// after its last); <see cref="AsOf"/> is the day it is judged on (its last day, or today if sooner) and
/// <see cref="AsOfEndUtc"/> the end of that day.
/// </summary>
public sealed record ApplicationWindow(DateTime StartUtc, DateTime EndUtc, DateOnly AsOf, DateTime AsOfEndUtc);
