using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PartyAffairs.App.Data;

/// <summary>
/// A compiled query, compiled once per EF model: EF lets a compiled query serve only the model it first ran with, and one
/// process may hold both providers' models (the tests run SQLite and PostgreSQL apps side by side), where a single static
/// compiled query failed every request of the second ("executed with a different model than it was compiled against").
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
