using System.Reflection;
using System.Reflection.Emit;
using PartyAffairs.App.Data;

namespace PartyAffairs.Tests.Data;

/// <summary>
/// Data sits below the features: nothing in a <c>PartyAffairs.App.Data</c> namespace (the context, its configurations,
/// migrations, interceptors, the change stream) uses a <c>PartyAffairs.App.Features</c> type — not in a field, a property,
/// a signature, a base type or attribute, nor anywhere in a method body (lambdas and async state machines included).
/// </summary>
public sealed class LayeringTests
{
    private const string Lower = "PartyAffairs.App.Data";
    private const string Upper = "PartyAffairs.App.Features";

    [Fact]
    public void Nothing_in_Data_uses_a_type_of_Features()
    {
        var assembly = typeof(AppDbContext).Assembly;
        var lower = assembly.GetTypes().Where(t => InNamespace(t, Lower)).ToList();
        lower.ShouldContain(typeof(AppDbContext));

        var uses = lower.SelectMany(t => UsesOf(t).Where(used => InNamespace(used, Upper)).Select(used => $"{t.FullName} → {used.FullName}"))
            .Distinct()
            .ToList();

        uses.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_sees_a_use_in_a_method_body()
    {
        // A type outside the app's Data namespace, so the rule itself holds, but built the same way the check reads it.
        UsesOf(typeof(UsesFeaturesInBody)).ShouldContain(typeof(App.Features.Shared.BureauClock));
        UsesOf(typeof(UsesFeaturesInSignature)).ShouldContain(typeof(App.Features.Shared.BureauClock));
    }

    private static bool InNamespace(Type type, string root)
    {
        var ns = (type.IsNested ? Outermost(type) : type).Namespace ?? "";
        return ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> UsesOf(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments()) Add(a);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var a in type.GetCustomAttributesData()) Add(a.AttributeType);
        foreach (var f in type.GetFields(Everything)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo info) Add(info.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var a in m.GetCustomAttributesData()) Add(a.AttributeType);
            if (m.GetMethodBody() is { } body)
            {
                foreach (var local in body.LocalVariables) Add(local.LocalType);
                foreach (var used in TypesInIl(m, body.GetILAsByteArray() ?? [])) Add(used);
            }
        }
        foreach (var nested in type.GetNestedTypes(Everything)) foreach (var t in UsesOf(nested)) Add(t);
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method body names through its tokens: calls, allocations, field accesses, casts, typeof.</summary>
    private static IEnumerable<Type> TypesInIl(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE) value = (short)(0xFE00 | il[i++]);
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                {
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A token that needs the instantiation it runs under; its open form still names the types.
                    }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f:
                            if (f.DeclaringType is { } fd) yield return fd;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            if (m.DeclaringType is { } md) yield return md;
                            if (m is MethodInfo mi)
                            {
                                yield return mi.ReturnType;
                                if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) yield return a;
                            }
                            foreach (var p in m.GetParameters()) yield return p.ParameterType;
                            break;
                    }
                    break;
                }
                default: i += 4; break;
            }
        }
    }

    private sealed class UsesFeaturesInBody
    {
        public static string Name() => nameof(UsesFeaturesInBody) + typeof(App.Features.Shared.BureauClock).Name;
    }

    private sealed class UsesFeaturesInSignature
    {
        public static void Take(App.Features.Shared.BureauClock? clock) => _ = clock;
    }
}
