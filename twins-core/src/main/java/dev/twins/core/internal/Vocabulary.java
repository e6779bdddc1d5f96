package dev.twins.core.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DTDL vocabulary beyond the core classes: semantic types, unit types and units, and the adjunct
 * types, members and schemas of every language extension Twins knows.
 *
 * <p>Everything here is a fact transcribed from the DTDL documents of the
 * {@code Azure/opendigitaltwins-dtdl} repository:
 *
 * <ul>
 *   <li>{@code DTDL/v2/DTDL.v2.md}, sections "Telemetry", "Property" and "Semantic Type" (DTDL v2
 *       native semantic types: 42 types, Property and Telemetry only, {@code unit} required, numeric
 *       schema);
 *   <li>{@code DTDL/v2/DTDL.iotcentral.v2.md} (IoT Central partner extension);
 *   <li>{@code DTDL/v3/DTDL.quantitativeTypes.v1.md} and {@code DTDL/v4/DTDL.quantitativeTypes.v2.md}
 *       (52 semantic types; v2 of the extension has "no changes from Version 1" other than DTDL v4);
 *   <li>{@code DTDL/v3/DTDL.historization.v1.md}, {@code DTDL/v4/DTDL.historization.v2.md};
 *   <li>{@code DTDL/v3/DTDL.annotation.v1.md}, {@code DTDL/v4/DTDL.annotation.v2.md};
 *   <li>{@code DTDL/v3/DTDL.overriding.v1.md}, {@code DTDL/v4/DTDL.overriding.v2.md};
 *   <li>{@code DTDL/v3/DTDL.mqtt.v1.md}, {@code DTDL/v4/DTDL.mqtt.v2.md}, {@code DTDL/v4/DTDL.mqtt.v3.md};
 *   <li>{@code DTDL/v4/DTDL.requirement.v1.md};
 *   <li>{@code DTDL/v4/DTDL.Extensions.md} and {@code DTDL/v4/DTDL.v4.md} "Language extensions" (which
 *       extension versions are usable in which DTDL versions);
 *   <li>the SHACL metamodels under {@code DTDL/v3/metamodel/} and {@code DTDL/v4/metamodel/} for
 *       details the prose leaves out: {@code unit} is required ({@code sh:minCount 1}) for
 *       QuantitativeTypes, {@code Cacheable} requires the co-type {@code Idempotent}, and the
 *       {@code payloadFormat} values of MQTT v1.
 * </ul>
 *
 * <p>Rules that do not fit the tables and are left to the parser: {@code annotates} must name a
 * Property or Telemetry among the Interface's contents (including inherited ones) that is not itself
 * a ValueAnnotation; the schema of an {@code Override} Property must be the type of the overridden
 * member (for {@code unit}, the unit type of the annotated element's semantic type); {@code index} of
 * {@code Indexed} is at least 1 and unique among its siblings; {@code NormalResult}/{@code ErrorResult}
 * (at most one each) occur only in the fields of a {@code Result} Object, whose fields must all carry
 * one of them, and {@code ErrorMessage} (at most one) only in the fields of an {@code Error} Object;
 * MQTT v2/v3 topic patterns and service group ids follow the patterns in their documents. The IoT
 * Central schemas ({@code geopoint}, {@code vector}) are usable in any DTDL version when the context is
 * present; only its co-types are restricted to DTDL v2. The limits extension {@code
 * dtmi:dtdl:limits:onvif;1} (DTDL v4) is not an adjunct-type extension and is not listed here; the
 * Streaming extension appeared only in a DTDL v3 preview and is not listed either.
 */
public final class Vocabulary {

  /** How the value of an extension member is checked. */
  public enum MemberKind {
    /** A string literal. */
    STRING,
    /** An integer literal. */
    INTEGER,
    /** A boolean literal. */
    BOOLEAN,
    /** A DTMI. */
    DTMI,
    /** A unit of the adjunct type's unit type, e.g. {@code degreeCelsius} for {@code TemperatureUnit}. */
    UNIT,
    /** The {@code name} of a sibling Property or Telemetry (ValueAnnotation {@code annotates}). */
    CONTENT_NAME,
    /** The term of an extension member of another element, e.g. {@code unit} (Override {@code overrides}). */
    PROPERTY_NAME,
    /** An ISO 8601 duration string, e.g. {@code PT15S} (MQTT Cacheable {@code ttl}). */
    DURATION
  }

  /**
   * An adjunct (co-)type: a term that may be added to the {@code @type} of an element of certain DTDL
   * classes, together with the members it adds and the constraints it imposes.
   *
   * @param term the term, e.g. {@code Temperature} or {@code ValueAnnotation}
   * @param appliesTo the DTDL classes it may co-type: {@code Interface}, {@code Telemetry}, {@code
   *     Property}, {@code Command}, {@code Relationship}, {@code Component}, {@code Field}, {@code
   *     MapValue}, {@code CommandRequest}, {@code CommandResponse}, {@code CommandPayload}, {@code
   *     EnumValue}, {@code Object}
   * @param unitType the unit type its {@code unit} member draws from, if it has one
   * @param requiresNumericSchema whether the element's schema must be double, float, integer or long
   *     (or, in DTDL v4, another numeric primitive)
   * @param members the members it adds, by term, with the kind of value each takes
   * @param requiredMembers the members that must be present
   * @param requiresCoTypes the adjunct types that must co-type the same element (Override requires
   *     ValueAnnotation)
   */
  public record AdjunctType(
      String term,
      Set<String> appliesTo,
      Optional<String> unitType,
      boolean requiresNumericSchema,
      Map<String, MemberKind> members,
      Set<String> requiredMembers,
      Set<String> requiresCoTypes) {

    /**
     * Copies the collections and checks consistency.
     *
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if a required member is not a member, or a {@code UNIT}
     *     member exists without a unit type
     */
    public AdjunctType {
      Objects.requireNonNull(term, "term");
      appliesTo = sortedSet(appliesTo);
      Objects.requireNonNull(unitType, "unitType");
      members = sortedMap(members);
      requiredMembers = sortedSet(requiredMembers);
      requiresCoTypes = sortedSet(requiresCoTypes);
      if (!members.keySet().containsAll(requiredMembers)) {
        throw new IllegalArgumentException(
            String.format("%s: required members %s are not all members %s", term, requiredMembers, members.keySet()));
      }
      if (members.containsValue(MemberKind.UNIT) && unitType.isEmpty()) {
        throw new IllegalArgumentException(String.format("%s: a UNIT member needs a unit type", term));
      }
    }

    /**
     * Tells whether this adjunct type may co-type an element of a DTDL class.
     *
     * @param dtdlClass a class name such as {@code Property}
     * @return whether {@code dtdlClass} is in {@link #appliesTo()}
     */
    public boolean appliesTo(String dtdlClass) {
      return appliesTo.contains(dtdlClass);
    }
  }

  /**
   * A language extension, identified by its context (or DTDL v2's native semantic types, context
   * {@code dtmi:dtdl:context;2}).
   *
   * @param context the context DTMI, e.g. {@code dtmi:dtdl:extension:quantitativeTypes;1}
   * @param dtdlVersions the DTDL versions whose models may use it (2, 3 or 4)
   * @param adjunctTypes its adjunct types by term
   * @param unitTypes its unit types by term, each with its units; unit types are also usable as a
   *     Property schema by the Overriding extension (e.g. {@code "schema": "TemperatureUnit"})
   * @param extraSchemas schema terms it adds, with a short description (IoT Central {@code geopoint}
   *     and {@code vector})
   */
  public record Extension(
      String context,
      Set<Integer> dtdlVersions,
      Map<String, AdjunctType> adjunctTypes,
      Map<String, Set<String>> unitTypes,
      Map<String, String> extraSchemas) {

    /**
     * Copies the collections and checks that every unit type an adjunct type names is defined here.
     *
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if an adjunct type names an unknown unit type, or a map key
     *     differs from its adjunct type's term
     */
    public Extension {
      Objects.requireNonNull(context, "context");
      dtdlVersions = sortedSet(dtdlVersions);
      adjunctTypes = sortedMap(adjunctTypes);
      Map<String, Set<String>> units = new TreeMap<>();
      unitTypes.forEach((k, v) -> units.put(k, sortedSet(v)));
      unitTypes = Collections.unmodifiableMap(units);
      extraSchemas = sortedMap(extraSchemas);
      for (Map.Entry<String, AdjunctType> e : adjunctTypes.entrySet()) {
        AdjunctType t = e.getValue();
        if (!e.getKey().equals(t.term())) {
          throw new IllegalArgumentException(
              String.format("%s: key %s names adjunct type %s", context, e.getKey(), t.term()));
        }
        if (t.unitType().isPresent() && !unitTypes.containsKey(t.unitType().get())) {
          throw new IllegalArgumentException(
              String.format("%s: %s uses unknown unit type %s", context, t.term(), t.unitType().get()));
        }
      }
    }

    /**
     * Looks up an adjunct type.
     *
     * @param term the term, e.g. {@code Temperature}
     * @return the adjunct type, or empty if this extension does not define {@code term}
     */
    public Optional<AdjunctType> adjunctType(String term) {
      return Optional.ofNullable(adjunctTypes.get(term));
    }

    /**
     * Returns the units of a unit type.
     *
     * @param unitType the unit type, e.g. {@code TemperatureUnit}
     * @return its units, or an empty set if this extension does not define {@code unitType}
     */
    public Set<String> units(String unitType) {
      return unitTypes.getOrDefault(unitType, Set.of());
    }

    /**
     * Tells whether models of a DTDL version may use this extension.
     *
     * @param dtdlVersion 2, 3 or 4
     * @return whether {@code dtdlVersion} is in {@link #dtdlVersions()}
     */
    public boolean usableIn(int dtdlVersion) {
      return dtdlVersions.contains(dtdlVersion);
    }

    /** @return a short summary with counts, not the full tables */
    @Override
    public String toString() {
      return "Extension[" + context + ", dtdl=" + dtdlVersions + ", adjunctTypes=" + adjunctTypes.size()
          + ", unitTypes=" + unitTypes.size() + ", extraSchemas=" + extraSchemas.keySet() + "]";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Contexts

  /** The DTDL v2 context, under which the native semantic types are registered. */
  static final String DTDL_V2 = "dtmi:dtdl:context;2";
  /** IoT Central partner extension, DTDL v2. */
  static final String IOTCENTRAL_2 = "dtmi:iotcentral:context;2";
  /** QuantitativeTypes v1, DTDL v3. */
  static final String QUANTITATIVE_TYPES_1 = "dtmi:dtdl:extension:quantitativeTypes;1";
  /** QuantitativeTypes v2, DTDL v4. */
  static final String QUANTITATIVE_TYPES_2 = "dtmi:dtdl:extension:quantitativeTypes;2";

  // ---------------------------------------------------------------------------------------------
  // DTDL v2 "Semantic Type" table (DTDL/v2/DTDL.v2.md): unit type -> units.

  private static final String[][] V2_UNIT_TYPES = {
    {"AccelerationUnit", "centimetrePerSecondSquared gForce metrePerSecondSquared"},
    {"AngleUnit", "degreeOfArc minuteOfArc radian secondOfArc turn"},
    {"AngularAccelerationUnit", "radianPerSecondSquared"},
    {"AngularVelocityUnit", "degreePerSecond radianPerSecond revolutionPerMinute revolutionPerSecond"},
    {"AreaUnit", "acre hectare squareCentimetre squareFoot squareInch squareKilometre squareMetre squareMillimetre"},
    {"CapacitanceUnit", "farad microfarad millifarad nanofarad picofarad"},
    {"ChargeUnit", "coulomb"},
    {"CurrentUnit", "ampere microampere milliampere"},
    {"DataRateUnit", "bitPerSecond bytePerSecond exbibitPerSecond exbibytePerSecond gibibitPerSecond"
        + " gibibytePerSecond kibibitPerSecond kibibytePerSecond mebibitPerSecond mebibytePerSecond"
        + " tebibitPerSecond tebibytePerSecond yobibitPerSecond yobibytePerSecond zebibitPerSecond"
        + " zebibytePerSecond"},
    {"DataSizeUnit", "bit byte exbibit exbibyte gibibit gibibyte kibibit kibibyte mebibit mebibyte tebibit"
        + " tebibyte yobibit yobibyte zebibit zebibyte"},
    {"DensityUnit", "gramPerCubicMetre kilogramPerCubicMetre"},
    {"EnergyUnit", "electronvolt gigajoule joule kilojoule kilowattHour megaelectronvolt megajoule"},
    {"ForceUnit", "newton ounce pound ton"},
    {"FrequencyUnit", "gigahertz hertz kilohertz megahertz"},
    {"IlluminanceUnit", "footcandle lux"},
    {"InductanceUnit", "henry microhenry millihenry"},
    {"LengthUnit", "astronomicalUnit centimetre foot inch kilometre metre micrometre mile millimetre"
        + " nanometre nauticalMile"},
    {"LuminanceUnit", "candelaPerSquareMetre"},
    {"LuminousFluxUnit", "lumen"},
    {"LuminousIntensityUnit", "candela"},
    {"MagneticFluxUnit", "maxwell weber"},
    {"MagneticInductionUnit", "tesla"},
    {"MassFlowRateUnit", "gramPerHour gramPerSecond kilogramPerHour kilogramPerSecond"},
    {"MassUnit", "gram kilogram microgram milligram slug tonne"},
    {"PowerUnit", "gigawatt horsepower kilowatt kilowattHourPerYear megawatt microwatt milliwatt watt"},
    {"PressureUnit", "bar inchesOfMercury inchesOfWater kilopascal millibar millimetresOfMercury pascal"
        + " poundPerSquareInch"},
    {"ResistanceUnit", "kiloohm megaohm milliohm ohm"},
    {"SoundPressureUnit", "bel decibel"},
    {"TemperatureUnit", "degreeCelsius degreeFahrenheit kelvin"},
    {"TimeUnit", "day hour microsecond millisecond minute nanosecond second year"},
    {"TorqueUnit", "newtonMetre"},
    {"Unitless", "percent unity"},
    {"VelocityUnit", "centimetrePerSecond kilometrePerHour kilometrePerSecond knot metrePerHour"
        + " metrePerSecond milePerHour milePerSecond"},
    {"VoltageUnit", "kilovolt megavolt microvolt millivolt volt"},
    {"VolumeFlowRateUnit", "litrePerHour litrePerSecond millilitrePerHour millilitrePerSecond"},
    {"VolumeUnit", "cubicCentimetre cubicFoot cubicInch cubicMetre fluidOunce gallon litre millilitre"},
  };

  /** DTDL v2 semantic type -> unit type (42 rows). */
  private static final String[][] V2_SEMANTIC_TYPES = {
    {"Acceleration", "AccelerationUnit"},
    {"Angle", "AngleUnit"},
    {"AngularAcceleration", "AngularAccelerationUnit"},
    {"AngularVelocity", "AngularVelocityUnit"},
    {"Area", "AreaUnit"},
    {"Capacitance", "CapacitanceUnit"},
    {"Current", "CurrentUnit"},
    {"DataRate", "DataRateUnit"},
    {"DataSize", "DataSizeUnit"},
    {"Density", "DensityUnit"},
    {"Distance", "LengthUnit"},
    {"ElectricCharge", "ChargeUnit"},
    {"Energy", "EnergyUnit"},
    {"Force", "ForceUnit"},
    {"Frequency", "FrequencyUnit"},
    {"Humidity", "DensityUnit"},
    {"Illuminance", "IlluminanceUnit"},
    {"Inductance", "InductanceUnit"},
    {"Latitude", "AngleUnit"},
    {"Length", "LengthUnit"},
    {"Longitude", "AngleUnit"},
    {"Luminance", "LuminanceUnit"},
    {"Luminosity", "PowerUnit"},
    {"LuminousFlux", "LuminousFluxUnit"},
    {"LuminousIntensity", "LuminousIntensityUnit"},
    {"MagneticFlux", "MagneticFluxUnit"},
    {"MagneticInduction", "MagneticInductionUnit"},
    {"Mass", "MassUnit"},
    {"MassFlowRate", "MassFlowRateUnit"},
    {"Power", "PowerUnit"},
    {"Pressure", "PressureUnit"},
    {"RelativeHumidity", "Unitless"},
    {"Resistance", "ResistanceUnit"},
    {"SoundPressure", "SoundPressureUnit"},
    {"Temperature", "TemperatureUnit"},
    {"Thrust", "ForceUnit"},
    {"TimeSpan", "TimeUnit"},
    {"Torque", "TorqueUnit"},
    {"Velocity", "VelocityUnit"},
    {"Voltage", "VoltageUnit"},
    {"Volume", "VolumeUnit"},
    {"VolumeFlowRate", "VolumeFlowRateUnit"},
  };

  // ---------------------------------------------------------------------------------------------
  // QuantitativeTypes v1 (DTDL/v3/DTDL.quantitativeTypes.v1.md) and v2 (DTDL/v4/...v2.md, same table).

  private static final String[][] QT_UNIT_TYPES = {
    {"AccelerationUnit", "centimetrePerSecondSquared gForce metrePerSecondSquared"},
    {"AngleUnit", "degreeOfArc minuteOfArc radian secondOfArc turn"},
    {"AngularAccelerationUnit", "radianPerSecondSquared"},
    {"AngularVelocityUnit", "degreePerSecond radianPerSecond revolutionPerMinute revolutionPerSecond"},
    {"ApparentEnergyUnit", "gigavoltAmpereHour kilovoltAmpereHour megavoltAmpereHour voltAmpereHour"},
    {"ApparentPowerUnit", "gigavoltAmpere kilovoltAmpere megavoltAmpere millivoltAmpere voltAmpere"},
    {"AreaUnit", "acre hectare squareCentimetre squareFoot squareInch squareKilometre squareMetre squareMillimetre"},
    {"CapacitanceUnit", "farad microfarad millifarad nanofarad picofarad"},
    {"ChargeUnit", "ampereHour coulomb milliampereHour"},
    {"CurrentUnit", "ampere kiloampere microampere milliampere"},
    {"DataRateUnit", "bitPerSecond bytePerSecond exbibitPerSecond exbibytePerSecond gibibitPerSecond"
        + " gibibytePerSecond kibibitPerSecond kibibytePerSecond mebibitPerSecond mebibytePerSecond"
        + " tebibitPerSecond tebibytePerSecond yobibitPerSecond yobibytePerSecond zebibitPerSecond"
        + " zebibytePerSecond"},
    {"DataSizeUnit", "bit byte exbibit exbibyte gibibit gibibyte kibibit kibibyte mebibit mebibyte tebibit"
        + " tebibyte yobibit yobibyte zebibit zebibyte"},
    {"DensityUnit", "gramPerCubicMetre kilogramPerCubicMetre microgramPerCubicMetre milligramPerCubicMetre"},
    {"EnergyUnit", "britishThermalUnit electronvolt gigajoule gigawattHour joule kiloBritishThermalUnit"
        + " kilojoule kilowattHour megaelectronvolt megajoule megawattHour milliwattHour terawattHour"
        + " wattHour"},
    {"ForceUnit", "newton ounce pound ton"},
    {"FrequencyUnit", "gigahertz hertz kilohertz megahertz millihertz"},
    {"IlluminanceUnit", "footcandle lux"},
    {"InductanceUnit", "henry microhenry millihenry"},
    {"IonizingRadiationDoseUnit", "gray microgray microsievert milligray millisievert sievert"},
    {"IrradianceUnit", "wattPerSquareMetre"},
    {"LengthUnit", "astronomicalUnit centimetre foot inch kilometre metre micrometre mile millimetre"
        + " nanometre nauticalMile"},
    {"LuminanceUnit", "candelaPerSquareMetre"},
    {"LuminousFluxUnit", "lumen"},
    {"LuminousIntensityUnit", "candela"},
    {"MagneticFluxUnit", "maxwell weber"},
    {"MagneticInductionUnit", "gauss tesla"},
    {"MassFlowRateUnit", "gramPerHour gramPerSecond kilogramPerHour kilogramPerSecond massPoundPerHour"},
    {"MassUnit", "gram kilogram massPound microgram milligram slug tonne"},
    {"PowerUnit", "britishThermalUnitPerHour gigajoulePerHour gigawatt horsepower joulePerHour"
        + " joulePerSecond kiloBritishThermalUnitPerHour kilojoulePerHour kilojoulePerSecond kilowatt"
        + " kilowattHourPerYear megajoulePerHour megawatt microwatt milliwatt tonOfRefrigeration watt"},
    {"PressureUnit", "bar decapascal hectopascal inchesOfMercury inchesOfWater kilopascal millibar"
        + " millimetresOfMercury pascal poundPerSquareInch"},
    {"RadioactivityUnit", "becquerel gigabecquerel kilobecquerel megabecquerel"},
    {"ReactiveEnergyUnit", "gigavoltAmpereReactiveHour kilovoltAmpereReactiveHour"
        + " megavoltAmpereReactiveHour voltAmpereReactiveHour"},
    {"ReactivePowerUnit", "gigavoltAmpereReactive kilovoltAmpereReactive megavoltAmpereReactive"
        + " millivoltAmpereReactive voltAmpereReactive"},
    {"ResistanceUnit", "kiloohm megaohm milliohm ohm"},
    {"SoundPressureUnit", "bel decibel"},
    {"TemperatureUnit", "degreeCelsius degreeFahrenheit kelvin"},
    {"TimeUnit", "day hour microsecond millisecond minute nanosecond second year"},
    {"TorqueUnit", "newtonMetre"},
    {"Unitless", "partsPerBillion partsPerMillion partsPerQuadrillion partsPerTrillion percent unity"},
    {"VelocityUnit", "centimetrePerSecond kilometrePerHour kilometrePerSecond knot metrePerHour"
        + " metrePerSecond milePerHour milePerSecond"},
    {"VoltageUnit", "kilovolt megavolt microvolt millivolt volt"},
    {"VolumeFlowRateUnit", "cubicFootPerMinute cubicMetrePerHour cubicMetrePerMinute cubicMetrePerSecond"
        + " gallonPerHour gallonPerMinute litrePerHour litrePerMinute litrePerSecond millilitrePerHour"
        + " millilitrePerMinute millilitrePerSecond"},
    {"VolumeUnit", "cubicCentimetre cubicFoot cubicInch cubicMetre fluidOunce gallon litre millilitre"},
  };

  /** QuantitativeTypes semantic type -> unit type (52 rows). */
  private static final String[][] QT_SEMANTIC_TYPES = {
    {"Acceleration", "AccelerationUnit"},
    {"Angle", "AngleUnit"},
    {"AngularAcceleration", "AngularAccelerationUnit"},
    {"AngularVelocity", "AngularVelocityUnit"},
    {"ApparentEnergy", "ApparentEnergyUnit"},
    {"ApparentPower", "ApparentPowerUnit"},
    {"Area", "AreaUnit"},
    {"Capacitance", "CapacitanceUnit"},
    {"Concentration", "Unitless"},
    {"Current", "CurrentUnit"},
    {"DataRate", "DataRateUnit"},
    {"DataSize", "DataSizeUnit"},
    {"Density", "DensityUnit"},
    {"Distance", "LengthUnit"},
    {"ElectricCharge", "ChargeUnit"},
    {"Energy", "EnergyUnit"},
    {"EnergyRate", "PowerUnit"},
    {"Force", "ForceUnit"},
    {"Frequency", "FrequencyUnit"},
    {"Humidity", "DensityUnit"},
    {"Illuminance", "IlluminanceUnit"},
    {"Inductance", "InductanceUnit"},
    {"IonizingRadiationDose", "IonizingRadiationDoseUnit"},
    {"Irradiance", "IrradianceUnit"},
    {"Latitude", "AngleUnit"},
    {"Length", "LengthUnit"},
    {"Longitude", "AngleUnit"},
    {"Luminance", "LuminanceUnit"},
    {"Luminosity", "PowerUnit"},
    {"LuminousFlux", "LuminousFluxUnit"},
    {"LuminousIntensity", "LuminousIntensityUnit"},
    {"MagneticFlux", "MagneticFluxUnit"},
    {"MagneticInduction", "MagneticInductionUnit"},
    {"Mass", "MassUnit"},
    {"MassFlowRate", "MassFlowRateUnit"},
    {"Power", "PowerUnit"},
    {"Pressure", "PressureUnit"},
    {"Radioactivity", "RadioactivityUnit"},
    {"ReactiveEnergy", "ReactiveEnergyUnit"},
    {"ReactivePower", "ReactivePowerUnit"},
    {"RelativeDensity", "Unitless"},
    {"RelativeHumidity", "Unitless"},
    {"Resistance", "ResistanceUnit"},
    {"SoundPressure", "SoundPressureUnit"},
    {"Temperature", "TemperatureUnit"},
    {"Thrust", "ForceUnit"},
    {"TimeSpan", "TimeUnit"},
    {"Torque", "TorqueUnit"},
    {"Velocity", "VelocityUnit"},
    {"Voltage", "VoltageUnit"},
    {"Volume", "VolumeUnit"},
    {"VolumeFlowRate", "VolumeFlowRateUnit"},
  };

  /** Where QuantitativeTypes semantic types may co-type (both versions). */
  private static final Set<String> QT_APPLIES_TO =
      Set.of("Telemetry", "Property", "Field", "MapValue", "CommandRequest", "CommandResponse");

  private static final Set<String> PROPERTY_TELEMETRY = Set.of("Property", "Telemetry");

  // ---------------------------------------------------------------------------------------------
  // Tables built once.

  private static final Extension V2_SEMANTIC =
      semanticTypes(DTDL_V2, Set.of(2), V2_SEMANTIC_TYPES, V2_UNIT_TYPES, PROPERTY_TELEMETRY);

  private static final Map<String, Extension> EXTENSIONS;

  /** (context, adjunct type) -> allowed schemas, for the few adjunct types that restrict the schema. */
  private static final Map<String, Set<String>> ALLOWED_SCHEMAS;

  /** (context, adjunct type, member) -> allowed values, for members with a closed set of values. */
  private static final Map<String, Set<String>> ALLOWED_VALUES;

  static {
    Map<String, Extension> all = new LinkedHashMap<>();
    Map<String, Set<String>> schemas = new TreeMap<>();
    Map<String, Set<String>> values = new TreeMap<>();

    // IoT Central v2 (DTDL/v2/DTDL.iotcentral.v2.md): State, Event, Location, VelocityVector,
    // AccelerationVector on Property or Telemetry; schemas geopoint and vector.
    {
      Map<String, Set<String>> units = new TreeMap<>();
      units.put("VelocityUnit", V2_SEMANTIC.units("VelocityUnit"));
      units.put("AccelerationUnit", V2_SEMANTIC.units("AccelerationUnit"));
      Extension iot = new Extension(
          IOTCENTRAL_2,
          Set.of(2),
          byTerm(
              plain("State", PROPERTY_TELEMETRY),
              plain("Event", PROPERTY_TELEMETRY),
              plain("Location", PROPERTY_TELEMETRY),
              vector("VelocityVector", "VelocityUnit"),
              vector("AccelerationVector", "AccelerationUnit")),
          units,
          Map.of(
              "geopoint", "Geospatial point (dtmi:iotcentral:schema:geopoint;2)",
              "vector", "Three-dimensional vector (dtmi:iotcentral:schema:vector;2)"));
      all.put(iot.context(), iot);
      schemas.put(key(IOTCENTRAL_2, "State"), Set.of("Enum"));
      schemas.put(key(IOTCENTRAL_2, "Event"), Set.of("double", "float", "integer", "long", "string"));
      schemas.put(key(IOTCENTRAL_2, "Location"),
          Set.of("point", "multiPoint", "lineString", "multiLineString", "polygon", "multiPolygon", "geopoint"));
      schemas.put(key(IOTCENTRAL_2, "VelocityVector"), Set.of("vector"));
      schemas.put(key(IOTCENTRAL_2, "AccelerationVector"), Set.of("vector"));
    }

    // QuantitativeTypes v1 (DTDL v3) and v2 (DTDL v4).
    add(all, semanticTypes(QUANTITATIVE_TYPES_1, Set.of(3), QT_SEMANTIC_TYPES, QT_UNIT_TYPES, QT_APPLIES_TO));
    add(all, semanticTypes(QUANTITATIVE_TYPES_2, Set.of(4), QT_SEMANTIC_TYPES, QT_UNIT_TYPES, QT_APPLIES_TO));

    // Historization: Historized on Property or Telemetry, no members.
    add(all, simple("dtmi:dtdl:extension:historization;1", Set.of(2, 3), plain("Historized", PROPERTY_TELEMETRY)));
    add(all, simple("dtmi:dtdl:extension:historization;2", Set.of(3, 4), plain("Historized", PROPERTY_TELEMETRY)));

    // Annotation: ValueAnnotation on Property or Telemetry, required member annotates.
    add(all, simple("dtmi:dtdl:extension:annotation;1", Set.of(3), valueAnnotation()));
    add(all, simple("dtmi:dtdl:extension:annotation;2", Set.of(3, 4), valueAnnotation()));

    // Overriding: Override on a Property also co-typed ValueAnnotation, required member overrides.
    add(all, simple("dtmi:dtdl:extension:overriding;1", Set.of(3), override()));
    add(all, simple("dtmi:dtdl:extension:overriding;2", Set.of(3, 4), override()));

    // MQTT v1 (DTDL v3): Mqtt, Idempotent, Cacheable, Indexed.
    {
      String ctx = "dtmi:dtdl:extension:mqtt;1";
      add(all, simple(ctx, Set.of(3),
          mqtt(false), plain("Idempotent", Set.of("Command")), cacheable(), indexed()));
      values.put(key(ctx, "Mqtt", "payloadFormat"), Set.of("avro", "cbor", "json", "proto2", "proto3", "raw"));
    }
    // MQTT v2 (DTDL v3, v4): adds Transparent and the service group ids; payloadFormat is any string.
    {
      String ctx = "dtmi:dtdl:extension:mqtt;2";
      add(all, simple(ctx, Set.of(3, 4),
          mqtt(true), plain("Idempotent", Set.of("Command")), cacheable(), indexed(), transparent()));
      schemas.put(key(ctx, "Transparent"), Set.of("Object"));
    }
    // MQTT v3 (DTDL v3, v4): adds Result, NormalResult, ErrorResult, Error, ErrorMessage.
    {
      String ctx = "dtmi:dtdl:extension:mqtt;3";
      add(all, simple(ctx, Set.of(3, 4),
          mqtt(true), plain("Idempotent", Set.of("Command")), cacheable(), indexed(), transparent(),
          plain("Result", Set.of("Object")),
          plain("NormalResult", Set.of("Field")),
          plain("ErrorResult", Set.of("Field")),
          plain("Error", Set.of("Object")),
          plain("ErrorMessage", Set.of("Field"))));
      schemas.put(key(ctx, "Transparent"), Set.of("Object"));
      schemas.put(key(ctx, "ErrorMessage"), Set.of("string"));
    }

    // Requirement v1 (DTDL v3, v4): Required on Field, no members.
    add(all, simple("dtmi:dtdl:extension:requirement;1", Set.of(3, 4), plain("Required", Set.of("Field"))));

    EXTENSIONS = Collections.unmodifiableMap(all);
    schemas.replaceAll((k, v) -> sortedSet(v));
    values.replaceAll((k, v) -> sortedSet(v));
    ALLOWED_SCHEMAS = Collections.unmodifiableMap(schemas);
    ALLOWED_VALUES = Collections.unmodifiableMap(values);
  }

  private Vocabulary() {}

  /**
   * Looks up a known extension context, e.g. {@code dtmi:dtdl:extension:quantitativeTypes;1}.
   *
   * <p>The DTDL contexts themselves ({@code dtmi:dtdl:context;N}) are not extensions; DTDL v2's native
   * semantic types are in {@link #v2SemanticTypes()}.
   *
   * @param context a context DTMI
   * @return the extension, or empty if {@code context} is not a known extension context
   * @throws NullPointerException if {@code context} is null
   */
  public static Optional<Extension> extension(String context) {
    Objects.requireNonNull(context, "context");
    return Optional.ofNullable(EXTENSIONS.get(context));
  }

  /**
   * Returns every known extension context.
   *
   * @return the contexts, in a stable order
   */
  public static Set<String> knownContexts() {
    return EXTENSIONS.keySet();
  }

  /**
   * Returns DTDL v2's native semantic types and units, which are active in every DTDL v2 element
   * (context {@code dtmi:dtdl:context;2}); they co-type Property and Telemetry only, require {@code
   * unit} and a numeric schema.
   *
   * @return the semantic types as an extension
   */
  public static Extension v2SemanticTypes() {
    return V2_SEMANTIC;
  }

  /**
   * Returns the schemas an adjunct type restricts its element to, beyond {@link
   * AdjunctType#requiresNumericSchema()}: schema terms ({@code string}, {@code polygon}, {@code
   * geopoint}, ...) and complex-schema class names ({@code Enum}, {@code Object}).
   *
   * <p>For example IoT Central's {@code State} requires an Enum schema, {@code Location} a geospatial
   * schema or {@code geopoint}, and MQTT's {@code Transparent} an Object.
   *
   * @param context the extension context
   * @param term the adjunct type
   * @return the allowed schemas, or an empty set when the adjunct type does not restrict the schema
   * @throws NullPointerException if an argument is null
   */
  public static Set<String> allowedSchemas(String context, String term) {
    return ALLOWED_SCHEMAS.getOrDefault(key(context, term), Set.of());
  }

  /**
   * Returns the closed set of values a {@link MemberKind#STRING} member accepts, where the extension
   * defines one (MQTT v1 {@code payloadFormat}: {@code avro}, {@code cbor}, {@code json}, {@code
   * proto2}, {@code proto3}, {@code raw}).
   *
   * @param context the extension context
   * @param term the adjunct type
   * @param member the member term
   * @return the allowed values, or an empty set when any value of the member's kind is accepted
   * @throws NullPointerException if an argument is null
   */
  public static Set<String> allowedValues(String context, String term, String member) {
    return ALLOWED_VALUES.getOrDefault(key(context, term, member), Set.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Builders

  private static Extension semanticTypes(
      String context, Set<Integer> versions, String[][] semanticTypes, String[][] unitTypes, Set<String> appliesTo) {
    Map<String, Set<String>> units = new TreeMap<>();
    for (String[] row : unitTypes) {
      if (units.put(row[0], Set.of(row[1].split(" "))) != null) {
        throw new IllegalStateException("duplicate unit type " + row[0]);
      }
    }
    Map<String, AdjunctType> types = new TreeMap<>();
    for (String[] row : semanticTypes) {
      AdjunctType t = new AdjunctType(
          row[0], appliesTo, Optional.of(row[1]), true, Map.of("unit", MemberKind.UNIT), Set.of("unit"), Set.of());
      if (types.put(row[0], t) != null) {
        throw new IllegalStateException("duplicate semantic type " + row[0]);
      }
    }
    return new Extension(context, versions, types, units, Map.of());
  }

  private static Extension simple(String context, Set<Integer> versions, AdjunctType... types) {
    return new Extension(context, versions, byTerm(types), Map.of(), Map.of());
  }

  private static Map<String, AdjunctType> byTerm(AdjunctType... types) {
    Map<String, AdjunctType> map = new TreeMap<>();
    for (AdjunctType t : types) {
      if (map.put(t.term(), t) != null) {
        throw new IllegalStateException("duplicate adjunct type " + t.term());
      }
    }
    return map;
  }

  private static void add(Map<String, Extension> all, Extension e) {
    if (all.put(e.context(), e) != null) {
      throw new IllegalStateException("duplicate context " + e.context());
    }
  }

  /** An adjunct type with no members and no unit. */
  private static AdjunctType plain(String term, Set<String> appliesTo) {
    return new AdjunctType(term, appliesTo, Optional.empty(), false, Map.of(), Set.of(), Set.of());
  }

  /** IoT Central VelocityVector / AccelerationVector: optional {@code unit}, schema {@code vector}. */
  private static AdjunctType vector(String term, String unitType) {
    return new AdjunctType(
        term, PROPERTY_TELEMETRY, Optional.of(unitType), false, Map.of("unit", MemberKind.UNIT), Set.of(), Set.of());
  }

  private static AdjunctType valueAnnotation() {
    return new AdjunctType("ValueAnnotation", PROPERTY_TELEMETRY, Optional.empty(), false,
        Map.of("annotates", MemberKind.CONTENT_NAME), Set.of("annotates"), Set.of());
  }

  private static AdjunctType override() {
    return new AdjunctType("Override", Set.of("Property"), Optional.empty(), false,
        Map.of("overrides", MemberKind.PROPERTY_NAME), Set.of("overrides"), Set.of("ValueAnnotation"));
  }

  private static AdjunctType mqtt(boolean serviceGroups) {
    Map<String, MemberKind> members = new TreeMap<>();
    members.put("commandTopic", MemberKind.STRING);
    members.put("payloadFormat", MemberKind.STRING);
    members.put("telemetryTopic", MemberKind.STRING);
    if (serviceGroups) {
      members.put("cmdServiceGroupId", MemberKind.STRING);
      members.put("telemServiceGroupId", MemberKind.STRING);
    }
    return new AdjunctType("Mqtt", Set.of("Interface"), Optional.empty(), false, members, Set.of("payloadFormat"),
        Set.of());
  }

  private static AdjunctType cacheable() {
    return new AdjunctType("Cacheable", Set.of("Command"), Optional.empty(), false,
        Map.of("ttl", MemberKind.DURATION), Set.of("ttl"), Set.of("Idempotent"));
  }

  private static AdjunctType indexed() {
    return new AdjunctType("Indexed", Set.of("EnumValue", "Field", "Telemetry"), Optional.empty(), false,
        Map.of("index", MemberKind.INTEGER), Set.of("index"), Set.of());
  }

  private static AdjunctType transparent() {
    return plain("Transparent", Set.of("CommandRequest", "CommandResponse"));
  }

  private static String key(String... parts) {
    for (String p : parts) {
      Objects.requireNonNull(p, "argument");
    }
    return String.join("\u0000", parts);
  }

  private static <T extends Comparable<? super T>> Set<T> sortedSet(Collection<T> values) {
    Objects.requireNonNull(values, "set");
    TreeSet<T> copy = new TreeSet<>();
    for (T v : values) {
      copy.add(Objects.requireNonNull(v, "set element"));
    }
    return Collections.unmodifiableSet(copy);
  }

  private static <V> Map<String, V> sortedMap(Map<String, V> values) {
    Objects.requireNonNull(values, "map");
    TreeMap<String, V> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
    return Collections.unmodifiableMap(copy);
  }
}
